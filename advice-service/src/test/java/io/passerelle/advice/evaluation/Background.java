package io.passerelle.advice.evaluation;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The rest of a network: people who carry no label (nobody a coach would put in the top ten for the
 * owner's objectives, nobody who must never appear), generated from a fixed seed so that every
 * run sees the same people. A cluster's members know each other and the anchors (the look-alike
 * circle of alter egos around the owner); the others are scattered across sectors and regions.
 */
final class Background {

    record Job(String role, String company, String sector) {
    }

    /**
     * @param jobs    what these people do; none of them may match the owner's targets
     * @param anchors hand-written contacts every cluster member may know (colleagues of the owner)
     */
    record Pool(String name, List<String> firstNames, List<String> lastNames, List<Job> jobs, List<Location> places,
                List<Origin> origins, List<String> schools, List<String> anchors, boolean cluster) {
    }

    private Background() {
    }

    /** Adds {@code count} people of {@code pool} to the network, the same ones for the same seed. */
    static List<String> add(NetworkBuilder network, long seed, int count, Pool pool) {
        Random random = new Random(seed);
        List<String> added = new ArrayList<>();
        int attempts = 0;
        while (added.size() < count) {
            if (++attempts > count * 50) {
                throw new IllegalStateException("not enough distinct names in pool " + pool.name());
            }
            String name = pick(random, pool.firstNames()) + " " + pick(random, pool.lastNames());
            String id = "bg-" + slug(name);
            if (network.has(id) || network.hasName(name)) {
                continue;
            }
            Job job = pick(random, pool.jobs());
            Origin origin = pick(random, pool.origins());
            NetworkBuilder.Person person = network.person(id, name)
                    .works(job.role(), job.company(), job.sector())
                    .at(pick(random, pool.places()))
                    .origin(origin)
                    .connectedDaysAgo(200 + random.nextInt(8 * NetworkBuilder.YEAR));
            if (!pool.schools().isEmpty() && random.nextInt(3) == 0) {
                person.schools(pick(random, pool.schools()));
            }
            if (origin == Origin.SCHOOL || origin == Origin.FRIEND) {
                person.closeness(1 + random.nextInt(3));
            }
            history(person, random);
            added.add(id);
        }
        if (pool.cluster()) {
            for (String id : added) {
                int peers = 4 + random.nextInt(7);
                for (int i = 0; i < peers; i++) {
                    String other = pick(random, added);
                    if (!other.equals(id)) {
                        network.knows(id, other);
                    }
                }
                if (!pool.anchors().isEmpty()) {
                    int anchors = 1 + random.nextInt(Math.min(3, pool.anchors().size()));
                    for (int i = 0; i < anchors; i++) {
                        network.knows(id, pick(random, pool.anchors()));
                    }
                }
            }
        }
        return added;
    }

    /** One of six ordinary histories: none, likes, public comments, an old exchange, a recent one, regular lunches. */
    private static void history(NetworkBuilder.Person person, Random random) {
        int pattern = random.nextInt(100);
        if (pattern < 15) {
            return;
        }
        if (pattern < 35) {
            int reactions = 2 + random.nextInt(5);
            for (int i = 0; i < reactions; i++) {
                person.reaction(2 + random.nextInt(2 * NetworkBuilder.YEAR));
            }
        } else if (pattern < 50) {
            int comments = 2 + random.nextInt(3);
            for (int i = 0; i < comments; i++) {
                person.comment(5 + random.nextInt(540), i % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND);
            }
        } else if (pattern < 70) {
            int exchanges = 2 + random.nextInt(4);
            int start = 3 * NetworkBuilder.YEAR + 30 + random.nextInt(3 * NetworkBuilder.YEAR);
            for (int i = 0; i < exchanges; i++) {
                person.exchange(Channel.PRIVATE_MESSAGE, start - i * 40, i % 2 == 0 ? Direction.OUTBOUND : Direction.INBOUND);
            }
        } else if (pattern < 90) {
            int exchanges = 1 + random.nextInt(2);
            for (int i = 0; i < exchanges; i++) {
                person.exchange(random.nextBoolean() ? Channel.PRIVATE_MESSAGE : Channel.EMAIL,
                        20 + random.nextInt(2 * NetworkBuilder.YEAR - 40), random.nextBoolean() ? Direction.OUTBOUND : Direction.INBOUND);
            }
        } else {
            int step = 60 + random.nextInt(61);
            person.every(Channel.MEETING, step, 2 * NetworkBuilder.YEAR, 10 + random.nextInt(30));
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
