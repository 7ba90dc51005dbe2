package io.passerelle.graph.map;

import io.passerelle.contracts.model.TieClass;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places the ties of one ring. Dots are ordered by a stable hash of their contactId (the same ties
 * always give the same picture, in an order that mixes classes and origins) and spread evenly along
 * the ring, leaving a gap at the top for the ring's label. When one lane of dots is too tight, dots
 * alternate between up to five lanes in a band around the ring, then shrink (three sizes), so that
 * no two dots overlap. A ring that still cannot hold them at the smallest size is drawn with one dot
 * for {@code n} ties of the same class and alter-ego mark ({@link #tiesPerDot()}): the number of
 * dots, and therefore the size of the document, is bounded whatever the size of the network.
 */
final class RingLayout {
    /** Dot radii, largest first, and the distance between two dots' edges. */
    static final double[] DOT_RADII = {5.0, 3.5, 2.5};
    private static final double DOT_GAP = 2.0;
    /** How far from the ring line (centre to centre) a lane may lie. */
    static final double BAND_HALF_WIDTH = 14.0;

    /** One dot: where, how large, and the ties it stands for (one, unless the ring is crowded). */
    record Dot(double x, double y, double radius, TieClass tieClass, boolean alterEgo, int ties, String name) {
    }

    private final List<Dot> dots;
    private final int tiesPerDot;

    private RingLayout(List<Dot> dots, int tiesPerDot) {
        this.dots = dots;
        this.tiesPerDot = tiesPerDot;
    }

    List<Dot> dots() {
        return dots;
    }

    /** 1 when every dot is one tie; n when the ring is crowded and a dot stands for up to n ties. */
    int tiesPerDot() {
        return tiesPerDot;
    }

    /**
     * @param ties           the ring's ties, in any order
     * @param centreX        the rings' centre
     * @param radius         the ring's radius
     * @param labelHalfWidth half the width of the label written across the top of the ring
     * @param names          whether single-tie dots carry their contact's name
     */
    static RingLayout of(List<MappedTie> ties, double centreX, double centreY, double radius, double labelHalfWidth, boolean names) {
        List<MappedTie> ordered = inHashOrder(ties);
        for (double dotRadius : DOT_RADII) {
            Fit fit = Fit.of(ordered.size(), radius, labelHalfWidth, dotRadius);
            if (fit != null) {
                List<Dot> dots = new ArrayList<>(ordered.size());
                for (int i = 0; i < ordered.size(); i++) {
                    MappedTie tie = ordered.get(i);
                    dots.add(fit.dot(i, ordered.size(), centreX, centreY, tie.tieClass(), tie.alterEgo(), 1,
                            names ? tie.displayName() : null));
                }
                return new RingLayout(dots, 1);
            }
        }
        return grouped(ordered, centreX, centreY, radius, labelHalfWidth);
    }

    /** The ties ordered by the stable hash of their contactId (then the id), each hash computed once. */
    private static List<MappedTie> inHashOrder(List<MappedTie> ties) {
        record Keyed(long hash, MappedTie tie) {
        }
        List<Keyed> keyed = new ArrayList<>(ties.size());
        for (MappedTie tie : ties) {
            keyed.add(new Keyed(stableHash(tie.contactId()), tie));
        }
        keyed.sort(Comparator.comparingLong(Keyed::hash).thenComparing(k -> k.tie().contactId()));
        List<MappedTie> ordered = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            ordered.add(k.tie());
        }
        return ordered;
    }

    /** The most dots a ring of this radius holds: at the smallest size, in every lane. */
    static int capacity(double radius, double labelHalfWidth) {
        double dotRadius = DOT_RADII[DOT_RADII.length - 1];
        return Fit.capacity(Fit.maxLanes(dotRadius), radius, labelHalfWidth, dotRadius);
    }

    /**
     * A crowded ring: its ties in groups of {@code n} of the same class and mark (the last group of
     * each possibly smaller), {@code n} the smallest that makes the groups fit at the smallest size.
     */
    private static RingLayout grouped(List<MappedTie> ordered, double centreX, double centreY, double radius, double labelHalfWidth) {
        int buckets = TieClass.values().length * 2;
        int capacity = capacity(radius, labelHalfWidth);
        // Each bucket's last group may be partial: keep room for one extra dot per bucket.
        int perDot = (int) Math.ceil(ordered.size() / (double) Math.max(1, capacity - buckets));
        // A group is placed where its first tie comes in hash order; the bucket's others follow it.
        record Group(int first, TieClass tieClass, boolean alterEgo, int[] size) {
        }
        Group[] open = new Group[buckets];
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            MappedTie tie = ordered.get(i);
            int bucket = tie.tieClass().ordinal() * 2 + (tie.alterEgo() ? 1 : 0);
            if (open[bucket] == null || open[bucket].size()[0] == perDot) {
                open[bucket] = new Group(i, tie.tieClass(), tie.alterEgo(), new int[1]);
                groups.add(open[bucket]);
            }
            open[bucket].size()[0]++;
        }
        double dotRadius = DOT_RADII[DOT_RADII.length - 1];
        Fit fit = Fit.of(groups.size(), radius, labelHalfWidth, dotRadius);
        if (fit == null) {
            throw new IllegalStateException(groups.size() + " groups of " + perDot + " do not fit a ring of radius " + radius);
        }
        List<Dot> dots = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            Group group = groups.get(i);
            dots.add(fit.dot(i, groups.size(), centreX, centreY, group.tieClass(), group.alterEgo(), group.size()[0], null));
        }
        return new RingLayout(dots, perDot);
    }

    /**
     * FNV-1a over the id's UTF-8 bytes, then SplitMix64's finaliser: the same on every JVM and
     * platform (unlike an identity hash), and well mixed (unlike {@link String#hashCode()}), so that
     * ids with a common prefix scatter round the ring.
     */
    static long stableHash(String contactId) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : contactId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }

    /** A number of lanes and a dot size for which a number of dots fits a ring without overlapping. */
    private record Fit(double radius, double dotRadius, int lanes, double gapHalfAngle) {
        static Fit of(int count, double radius, double labelHalfWidth, double dotRadius) {
            for (int lanes = 1; lanes <= maxLanes(dotRadius); lanes++) {
                if (count <= capacity(lanes, radius, labelHalfWidth, dotRadius)) {
                    return new Fit(radius, dotRadius, lanes, gapHalfAngle(lanes, radius, labelHalfWidth, dotRadius));
                }
            }
            return null;
        }

        static double spacing(double dotRadius) {
            return 2 * dotRadius + DOT_GAP;
        }

        static int maxLanes(double dotRadius) {
            return 1 + (int) Math.floor(2 * BAND_HALF_WIDTH / spacing(dotRadius));
        }

        static double innermost(int lanes, double radius, double dotRadius) {
            return radius - (lanes - 1) / 2.0 * spacing(dotRadius);
        }

        /** The half-angle left free at the top for the label, measured on the innermost lane (where it is widest). */
        static double gapHalfAngle(int lanes, double radius, double labelHalfWidth, double dotRadius) {
            return Math.min(Math.PI / 2, (labelHalfWidth + dotRadius + DOT_GAP) / innermost(lanes, radius, dotRadius));
        }

        /**
         * Consecutive dots alternate lanes, so dots of one lane are {@code lanes} steps apart: the
         * innermost lane, the shortest, decides how many fit.
         */
        static int capacity(int lanes, double radius, double labelHalfWidth, double dotRadius) {
            double arc = 2 * Math.PI - 2 * gapHalfAngle(lanes, radius, labelHalfWidth, dotRadius);
            return (int) Math.floor(lanes * arc * innermost(lanes, radius, dotRadius) / spacing(dotRadius));
        }

        /** Dot {@code index} of {@code count}: evenly spread clockwise from the end of the label's gap. */
        Dot dot(int index, int count, double centreX, double centreY, TieClass tieClass, boolean alterEgo, int ties, String name) {
            double arc = 2 * Math.PI - 2 * gapHalfAngle;
            double angle = gapHalfAngle + (index + 0.5) * arc / count;
            double lane = radius + (index % lanes - (lanes - 1) / 2.0) * spacing(dotRadius);
            return new Dot(centreX + lane * Math.sin(angle), centreY - lane * Math.cos(angle), dotRadius, tieClass, alterEgo, ties, name);
        }
    }
}
