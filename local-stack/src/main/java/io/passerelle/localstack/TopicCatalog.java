package io.passerelle.localstack;

import io.passerelle.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics of the public contract and their settings, created once on a broker. Kubernetes and
 * docker-compose create the same list (see deploy/).
 */
public final class TopicCatalog {
    /**
     * As in Kubernetes (deploy/): up to six instances of each consumer share a topic, and two of each
     * get three partitions apiece; each owner stays on one.
     */
    public static final int PARTITIONS = 6;
    /** Where a consumer sends what it cannot process when the source topic is not known. */
    public static final String DEAD_LETTERS = "passerelle.dead-letters";

    private TopicCatalog() {
    }

    public static List<NewTopic> topics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : List.of(Topics.OWNERS, Topics.CONTACTS, Topics.INTERACTIONS, Topics.TIES, Topics.RECOMMENDATIONS,
                Topics.IMPORTS)) {
            NewTopic topic = new NewTopic(name, PARTITIONS, (short) 1);
            if (name.equals(Topics.TIES)) {
                // One record per tie survives compaction: a consumer rebuilding from the start sees current state.
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(topic);
            topics.add(new NewTopic(Topics.deadLetterOf(name), 1, (short) 1));
        }
        topics.add(new NewTopic(DEAD_LETTERS, 1, (short) 1));
        return topics;
    }

    /** Creates every topic that does not exist yet; existing ones are left as they are. */
    public static void createAll(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (NewTopic topic : topics()) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + topic.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the topics in time", e);
        }
    }
}
