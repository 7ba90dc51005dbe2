package io.passerelle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The topics Job (create-topics.sh with the base's environment) and the KafkaTopics of
 * components/strimzi-topics set the same partitions, replicas and configs: a cluster gets the same
 * retention whichever way its topics are made.
 */
class TopicSettingsTest {
    private static final Pattern DEFAULT = Pattern.compile("^(\\w+)=\"\\$\\{(\\w+):-([^}]*)}\"", Pattern.MULTILINE);
    private static final Pattern CONFIGS = Pattern.compile("^(event|ties|dead_letter)_configs=\"([^\"]+)\"", Pattern.MULTILINE);

    @Test
    void theJobAndTheKafkaTopicsAgree() throws Exception {
        String script = Files.readString(Manifests.root().resolve("deploy/compose/create-topics.sh"));
        Map<String, String> jobEnvironment = new LinkedHashMap<>();
        ObjectNode job = JavaKustomize.render(Manifests.kubernetes().resolve("base")).stream()
                .filter(o -> o.path("kind").asString().equals("Job")).findFirst().orElseThrow();
        for (JsonNode env : job.at("/spec/template/spec/containers/0/env")) {
            if (env.has("value")) {
                jobEnvironment.put(env.path("name").asString(), env.path("value").asString());
            }
        }
        Map<String, String> shellVariables = new LinkedHashMap<>();
        Matcher defaults = DEFAULT.matcher(script);
        while (defaults.find()) {
            shellVariables.put(defaults.group(1), jobEnvironment.getOrDefault(defaults.group(2), defaults.group(3)));
        }
        Map<String, Map<String, String>> scriptConfigs = new LinkedHashMap<>();
        Matcher configs = CONFIGS.matcher(script);
        while (configs.find()) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("min.insync.replicas", shellVariables.get("min_insync"));
            for (String pair : configs.group(2).split(",")) {
                String[] kv = pair.split("=", 2);
                String value = kv[1].startsWith("$") ? shellVariables.get(kv[1].substring(1)) : kv[1];
                settings.put(kv[0], value);
            }
            scriptConfigs.put(configs.group(1), settings);
        }
        assertThat(scriptConfigs).containsOnlyKeys("event", "ties", "dead_letter");

        Path topicsFile = Manifests.kubernetes().resolve("components/strimzi-topics/kafka-topics.yaml");
        int checked = 0;
        for (ObjectNode topic : Manifests.read(topicsFile)) {
            String name = topic.at("/spec/topicName").asString();
            String family = name.endsWith(".dlq") || name.equals("passerelle.dead-letters") ? "dead_letter"
                    : name.equals("passerelle.ties.v1") ? "ties" : "event";
            Map<String, String> declared = new LinkedHashMap<>();
            topic.at("/spec/config").properties().forEach(e -> declared.put(e.getKey(), e.getValue().asString()));
            assertThat(declared).as(name).isEqualTo(scriptConfigs.get(family));
            assertThat(topic.at("/spec/replicas").asString()).as(name).isEqualTo(shellVariables.get("replication"));
            String partitions = family.equals("dead_letter") ? "1" : shellVariables.get("partitions");
            assertThat(topic.at("/spec/partitions").asString()).as(name).isEqualTo(partitions);
            checked++;
        }
        // The six topics of the contract, a dead-letter topic for each, and passerelle.dead-letters.
        assertThat(checked).isEqualTo(13);
    }
}
