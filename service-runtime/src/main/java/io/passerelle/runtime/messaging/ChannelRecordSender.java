package io.passerelle.runtime.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Hands many records at once to the Kafka producer of an outgoing channel (the one its emitter uses,
 * so with the channel's {@code acks}, idempotence and timeouts), and completes once the broker has
 * acknowledged every one of them. For a batch, a reactive message, an emitter buffer and a producer
 * span per record cost more than building and sending the records ({@link CloudEventRecords}).
 *
 * <p>The records are sent in list order from the producer's sending thread, never from the caller's
 * (a send may block for metadata or buffer space up to {@code max.block.ms}), so the producer keeps
 * that order per partition. The result is emitted on the caller's Vert.x context when there is one,
 * so that a reactive database transaction goes on where it started.
 */
public final class ChannelRecordSender<V> {
    private final String topic;
    private final SendingThread<V> sendingThread;

    /** Runs sends on the producer's sending thread; completes once they are started. */
    @FunctionalInterface
    interface SendingThread<V> {
        Uni<Void> run(Consumer<Producer<String, V>> sends);
    }

    ChannelRecordSender(String topic, SendingThread<V> sendingThread) {
        this.topic = topic;
        this.sendingThread = sendingThread;
    }

    /**
     * The sender of an outgoing channel; its topic is the channel's ({@code mp.messaging.outgoing.<channel>.topic}, else its name).
     * {@code V} is the type the channel's {@code value.serializer} takes.
     */
    public static <V> ChannelRecordSender<V> of(KafkaClientService clients, String channel) {
        String topic = ConfigProvider.getConfig().getOptionalValue("mp.messaging.outgoing." + channel + ".topic", String.class)
                .orElse(channel);
        ProducerOfChannel<V> producer = new ProducerOfChannel<>(clients, channel);
        return new ChannelRecordSender<>(topic, sends -> producer.get().runOnSendingThread(sends));
    }

    /** The topic the channel writes to. */
    public String topic() {
        return topic;
    }

    /** Sends the records in order; completes once all are acknowledged, or fails with the first failure. */
    public Uni<Void> sendAll(List<ProducerRecord<String, V>> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> {
            Context caller = Vertx.currentContext();
            AtomicInteger pending = new AtomicInteger(records.size());
            AtomicBoolean finished = new AtomicBoolean();
            Consumer<Throwable> finish = failure -> {
                if (!finished.compareAndSet(false, true)) {
                    return;
                }
                Runnable emit = failure == null ? () -> emitter.complete(null) : () -> emitter.fail(failure);
                if (caller == null) {
                    emit.run();
                } else {
                    caller.runOnContext(ignored -> emit.run());
                }
            };
            sendingThread.run(kafka -> {
                for (ProducerRecord<String, V> record : records) {
                    if (finished.get()) {
                        return; // a record failed already: the batch fails, and is sent again as a whole
                    }
                    kafka.send(record, (metadata, failure) -> {
                        if (failure != null) {
                            finish.accept(failure);
                        } else if (pending.decrementAndGet() == 0) {
                            finish.accept(null);
                        }
                    });
                }
            }).subscribe().with(sent -> { }, finish);
        });
    }

    /** The channel's producer, looked up on first use: the connector creates it once the channel is wired. */
    private static final class ProducerOfChannel<V> {
        private final KafkaClientService clients;
        private final String channel;
        private volatile KafkaProducer<String, V> producer;

        ProducerOfChannel(KafkaClientService clients, String channel) {
            this.clients = clients;
            this.channel = channel;
        }

        KafkaProducer<String, V> get() {
            KafkaProducer<String, V> resolved = producer;
            if (resolved == null) {
                resolved = clients.getProducer(channel);
                if (resolved == null) {
                    throw new IllegalStateException("The outgoing channel '" + channel + "' has no Kafka producer (is it configured?)");
                }
                producer = resolved;
            }
            return resolved;
        }
    }
}
