package dev.loopbacklab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabCommandTest {

    @Test
    void roomMaterialNamesTheJarTheRoomHandsOutNotTheTeachersOwn() {
        assertEquals(
                "java -jar " + LabCommand.HANDED_OUT_JAR + " run echo-rtt",
                LabCommand.handedOut("run echo-rtt"));
        assertEquals("java -jar " + LabCommand.HANDED_OUT_JAR, LabCommand.handedOut(""));
        // here (tests run from classes) the teacher's own command names the built jar instead
        assertEquals(
                "java -jar " + LabCommand.BUILT_JAR + " run echo-rtt",
                LabCommand.with("run echo-rtt"));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            # Linux: a clone's root, Downloads, elsewhere, the root folder
            /home/ada/loopback-lab/target/loopback-lab.jar | /home/ada/loopback-lab   | target/loopback-lab.jar
            /home/ada/Downloads/loopback-lab.jar           | /home/ada/Downloads      | loopback-lab.jar
            /home/ada/Downloads/loopback-lab.jar           | /home/ada/Downloads/     | loopback-lab.jar
            /home/ada/Downloads/loopback-lab.jar           | /home/ada                | Downloads/loopback-lab.jar
            /home/ada/Downloads/loopback-lab.jar           | /tmp                     | /home/ada/Downloads/loopback-lab.jar
            /home/ada/Downloads/loopback-lab.jar           | /home/ada/Down           | /home/ada/Downloads/loopback-lab.jar
            /loopback-lab.jar                              | /                        | loopback-lab.jar
            /home/ada/Téléchargements/loopback-lab.jar     | /home/ada                | Téléchargements/loopback-lab.jar
            # macOS: case matters in the path as the JVM reports it
            /Users/ada/Downloads/loopback-lab.jar          | /Users/ada/Downloads     | loopback-lab.jar
            /Users/ada/Downloads/loopback-lab.jar          | /users/ada/downloads     | /Users/ada/Downloads/loopback-lab.jar
            """)
    void writesAPosixJarRelativeToTheWorkingDirectoryWhenInsideIt(
            String jar, String workingDir, String typed) {
        assertEquals(typed, LabCommand.jarAsTyped(jar, workingDir, false));
    }

    @Test
    void quotesAPosixPathThatAShellWouldSplitOrExpand() {
        assertEquals(
                "'/Users/Ada Lovelace/Downloads/loopback-lab.jar'",
                LabCommand.jarAsTyped(
                        "/Users/Ada Lovelace/Downloads/loopback-lab.jar", "/tmp", false));
        assertEquals(
                "'My Labs/loopback-lab.jar'",
                LabCommand.jarAsTyped("/home/ada/My Labs/loopback-lab.jar", "/home/ada", false));
        // a single quote ends the quoting, so it is closed, escaped and reopened
        assertEquals(
                "'Ada'\\''s/loopback-lab.jar'",
                LabCommand.jarAsTyped("/home/ada/Ada's/loopback-lab.jar", "/home/ada", false));
        assertEquals(
                "'$HOME/loopback-lab.jar'",
                LabCommand.jarAsTyped("/srv/$HOME/loopback-lab.jar", "/srv", false));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            C:\\Users\\ada\\loopback-lab\\target\\loopback-lab.jar | C:\\Users\\ada\\loopback-lab | target\\loopback-lab.jar
            C:\\Users\\ada\\Downloads\\loopback-lab.jar          | C:\\Users\\ada\\Downloads    | loopback-lab.jar
            C:\\Users\\ada\\Downloads\\loopback-lab.jar          | c:\\users\\ADA\\downloads\\  | loopback-lab.jar
            C:\\Users\\ada\\Downloads\\loopback-lab.jar          | C:/Users/ada                 | Downloads\\loopback-lab.jar
            C:\\loopback-lab.jar                                 | C:\\                         | loopback-lab.jar
            D:\\labs\\loopback-lab.jar                           | C:\\Users\\ada               | D:\\labs\\loopback-lab.jar
            C:\\Users\\ada\\Downloads\\loopback-lab.jar          | C:\\Users\\ad                | C:\\Users\\ada\\Downloads\\loopback-lab.jar
            \\\\teacher\\share\\loopback-lab.jar                 | \\\\teacher\\share           | loopback-lab.jar
            C:\\Users\\Ada Lovelace\\Downloads\\loopback-lab.jar | C:\\Users\\Ada Lovelace      | Downloads\\loopback-lab.jar
            C:\\Users\\Ada Lovelace\\Downloads\\loopback-lab.jar | C:\\Temp                     | "C:\\Users\\Ada Lovelace\\Downloads\\loopback-lab.jar"
            C:\\Users\\ada\\Lab (1)\\loopback-lab.jar            | C:\\Users\\ada               | "Lab (1)\\loopback-lab.jar"
            """)
    void writesAWindowsJarRelativeToTheWorkingDirectoryWhenInsideIt(
            String jar, String workingDir, String typed) {
        assertEquals(typed, LabCommand.jarAsTyped(jar, workingDir, true));
    }

    @Test
    void namesTheBuiltJarWhenTheLabRunsFromClasses() {
        assertEquals(
                LabCommand.BUILT_JAR,
                LabCommand.jarAsTyped("/home/ada/loopback-lab/target/classes", "/home/ada", false));
        assertEquals(
                LabCommand.BUILT_JAR,
                LabCommand.jarAsTyped("C:\\lab\\target\\classes", "C:\\lab", true));
        assertEquals(LabCommand.BUILT_JAR, LabCommand.jarAsTyped(null, "/home/ada", false));
    }

    @Test
    void thisTestRunsFromClassesSoTheCommandNamesTheBuiltJar() {
        // Surefire loads the lab from target/classes, not from a jar
        assertEquals("java -jar " + LabCommand.BUILT_JAR, LabCommand.get());
        assertEquals("java -jar " + LabCommand.BUILT_JAR + " jshell", LabCommand.with("jshell"));
    }
}
