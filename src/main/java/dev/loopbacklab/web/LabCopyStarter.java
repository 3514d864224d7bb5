package dev.loopbacklab.web;

import dev.loopbacklab.LabVersion;
import dev.loopbacklab.lesson.ContentRoot;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.LabCopy;

/** Starts copies of the lab for experiments, on 127.0.0.1 and a port the OS picks. */
public final class LabCopyStarter implements LabCopy.Starter {
    /** Found by {@link java.util.ServiceLoader}. */
    public LabCopyStarter() {}

    @Override
    public LabCopy start(ExperimentRegistry registry) {
        return LabServer.start(
                LabConfig.local(0, ContentRoot.locate(false)), registry, LabVersion.get());
    }
}
