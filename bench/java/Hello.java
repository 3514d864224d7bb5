import io.javalin.Javalin;

/**
 * The startup reference: a bare Javalin hello-world on 127.0.0.1 with a port the OS picks. It prints
 * its address the way the lab does, so the startup driver can find both the same way.
 */
public class Hello {
  public static void main(String[] args) {
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.get("/", ctx -> ctx.result("hello"));
    }).start("127.0.0.1", 0);
    System.out.println("Hello is running at http://127.0.0.1:" + app.port() + "/");
    System.out.flush();
  }
}
