package dev.loopbacklab.web.pages;

import dev.loopbacklab.lesson.ContentRoot;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.web.security.SecurityHeaders;
import dev.loopbacklab.web.tuning.PageWarmUp;
import dev.loopbacklab.web.tuning.RawPage;
import dev.loopbacklab.web.view.Layout;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.Consumer;

/**
 * The site's pages: the index, one page per lesson (with the live facts of the connection that
 * fetched it), the assets under {@code /assets/} and the favicon.
 */
public final class Pages {
    private final PageService pages;
    private final Assets assets;
    private final PageWarmUp warmUp;
    private final TeachingPages teaching;
    private volatile Consumer<String> served = id -> {};

    private Pages(PageService pages, Assets assets) {
        this.pages = pages;
        this.assets = assets;
        this.teaching = new TeachingPages(pages);
        this.warmUp = PageWarmUp.start(pages::index, pages::renderLessons, PageWarmUp.REST_AFTER);
    }

    /**
     * The pages of {@code content}, with {@code registry}'s experiments in their panels. The pages
     * are rendered on another thread from now on. Lessons on disk are read whole, on every request
     * (edits show on reload; {@link #catalog} waits for them and throws if one is broken); packed
     * lessons are named by the index built with the jar and each is read when first needed, so the
     * index page needs none of them.
     */
    public static Pages of(ContentRoot content, ExperimentRegistry registry, Layout.Chrome chrome) {
        PageService pages =
                new PageService(() -> catalog(content), content.fromDisk(), registry, chrome);
        return new Pages(pages, new Assets(content.site(), content.fromDisk()));
    }

    private static LessonCatalog catalog(ContentRoot content) {
        return content.fromDisk() || content.builtIndex().isEmpty()
                ? LessonCatalog.load(content.lessons())
                : LessonCatalog.indexed(content.lessons(), content.builtIndex().get());
    }

    /**
     * The lessons. Throws {@link dev.loopbacklab.lesson.LessonFormatException} if one is broken.
     */
    public LessonCatalog catalog() {
        return pages.catalog();
    }

    /**
     * Tells {@code listener} of every page that went out: a lesson's id, or null for the index.
     * Called on the request's thread after the page was written, so it must return at once.
     */
    public void onPageServed(Consumer<String> listener) {
        this.served = listener;
    }

    /** The frame every page of this lab is shown in. */
    public Layout.Chrome chrome() {
        return pages.chrome();
    }

    /**
     * Registers the page routes. HEAD runs the GET handler (Jetty sends no body): on its own,
     * Javalin answered 200 and an empty text/plain to a HEAD of any path a GET route matches, a
     * missing lesson included.
     */
    public void register(RoutesConfig routes) {
        Handler index = this::index;
        Handler lesson = this::lesson;
        Handler asset = ctx -> assets.serve(ctx, ctx.pathParam("path"));
        Handler favicon = ctx -> assets.serve(ctx, "favicon.svg");
        routes.get("/", index).head("/", index);
        routes.get("/lessons/{id}", lesson).head("/lessons/{id}", lesson);
        routes.get("/assets/<path>", asset).head("/assets/<path>", asset);
        routes.get("/favicon.ico", favicon).head("/favicon.ico", favicon);
        teaching.register(routes);
    }

    private void index(Context ctx) throws Exception {
        RawPage.send(ctx, pages.indexPage().render(new byte[0], Address.of(ctx)));
        warmUp.pageServed();
        served.accept(null);
    }

    private void lesson(Context ctx) throws Exception {
        LivePage page = pages.lesson(ctx.pathParam("id")).orElse(null);
        if (page == null) {
            ErrorPages.notFound(ctx, pages.chrome());
            return;
        }
        if (SecurityHeaders.LOOPBACK_FETCH_LESSONS.contains(ctx.pathParam("id"))) {
            ctx.header("Content-Security-Policy", SecurityHeaders.CSP_LOOPBACK_FETCH);
        }
        RawPage.send(
                ctx,
                page.render(
                        page.isLive() ? Connection.renderedFacts(ctx) : new byte[0],
                        Address.of(ctx)));
        warmUp.pageServed();
        served.accept(ctx.pathParam("id"));
    }
}
