package dev.loopbacklab.experiments;

import dev.loopbacklab.experiments.api.ApiTopic;
import dev.loopbacklab.experiments.binding.BindingTopic;
import dev.loopbacklab.experiments.containers.ContainersTopic;
import dev.loopbacklab.experiments.database.DatabaseTopic;
import dev.loopbacklab.experiments.echo.EchoTopic;
import dev.loopbacklab.experiments.ephemeral.EphemeralTopic;
import dev.loopbacklab.experiments.exposure.ExposureTopic;
import dev.loopbacklab.experiments.here.HereTopic;
import dev.loopbacklab.experiments.listening.ListeningTopic;
import dev.loopbacklab.experiments.monitoring.MonitoringTopic;
import dev.loopbacklab.experiments.names.NamesTopic;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentRegistry;
import java.util.ArrayList;
import java.util.List;

/** Every experiment and check of every lesson; one line per topic. */
public final class Experiments {
    private static final ExperimentRegistry REGISTRY = new ExperimentRegistry(all());

    private Experiments() {}

    /** The registry of all experiments and checks. */
    public static ExperimentRegistry registry() {
        return REGISTRY;
    }

    private static List<Experiment> all() {
        List<Experiment> all = new ArrayList<>();
        all.addAll(HereTopic.experiments()); // 00-you-are-here
        all.addAll(EchoTopic.experiments()); // 01-loopback-echo
        all.addAll(BindingTopic.experiments()); // 02-port-binding
        all.addAll(EphemeralTopic.experiments()); // 03-ephemeral-ports
        all.addAll(ExposureTopic.experiments()); // 04-exposure
        all.addAll(NamesTopic.experiments()); // 05-localhost-names
        all.addAll(ListeningTopic.experiments()); // 06-who-is-listening
        all.addAll(ApiTopic.experiments()); // 07-api-on-localhost
        all.addAll(DatabaseTopic.experiments()); // 08-database-on-localhost
        all.addAll(MonitoringTopic.experiments()); // 09-monitoring
        all.addAll(ContainersTopic.experiments()); // 10-containers
        return all;
    }
}
