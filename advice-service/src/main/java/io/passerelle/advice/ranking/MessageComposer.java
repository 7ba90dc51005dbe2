package io.passerelle.advice.ranking;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.vocabulary.Label;
import io.passerelle.vocabulary.Language;
import io.passerelle.vocabulary.Need;
import io.passerelle.vocabulary.Role;
import io.passerelle.vocabulary.Sector;
import io.passerelle.vocabulary.Topic;
import io.passerelle.vocabulary.Vocabulary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the first message suggested with a recommendation, as the owner would send it, in French or
 * English (DOMAIN.md section 5, "messages a person would send"):
 * <ol>
 * <li>the greeting, by first name only ({@link FirstName}; "Bonjour," when there is none);</li>
 * <li>a hook taken from the data, when there is one: a former employer or a school the owner and the
 * contact share, the last two-way exchange and roughly when, how they met (an event, a mutual
 * acquaintance, a platform and the year they connected);</li>
 * <li>one line on who the owner is: their {@code pitch} when it is written in the message's language,
 * else their sector and company; left out for family, friends and strong ties, who know;</li>
 * <li>what the owner is looking for, from the objective, the targets named through the
 * {@link Vocabulary} ("un poste de product manager dans la fintech");</li>
 * <li>one precise request, the recommendation's action, and an easy way to decline.</li>
 * </ol>
 * It claims nothing the data does not support: "we have not talked yet" only to a contact connected
 * within two years with no interaction at all; "we worked together" only for a former colleague, a
 * client or a partner; a tag that matches a topic is never "what you share". A target word the
 * vocabulary does not know is quoted only in the language it was typed in (the objective's, else the
 * owner's), and otherwise left out. The owner's first person never carries a gendered adjective.
 */
public final class MessageComposer {
    /** Claiming "we have not talked yet" needs a connection at most this old, with no interaction at all. */
    static final Period RECENT_CONNECTION = Period.ofYears(2);
    private static final Set<Action> COMMITTING_ACTIONS = Set.of(Action.ASK_REFERRAL, Action.ASK_RECOMMENDATION);

    /**
     * @param language  {@code fr} or {@code en} (anything else writes English)
     * @param action    what the recommendation asks, after the guardrail
     * @param tie       the contact the message is written to
     * @param keyPerson the person a warm path asks to be introduced to, or null
     * @param relevance what of the objective's targets the recommendation is about (the key person's for a warm path)
     * @param owner     the owner's profile, or null
     * @param objective the objective recommended for
     * @param now       the ranking instant, from which "when" is told
     */
    public Recommendation.Message compose(String language, Action action, RankableTie tie, RankableTie keyPerson, Relevance relevance,
                                          OwnerProfile owner, Objective objective, Instant now) {
        Language lang = Language.fromCode(language).orElse(Language.EN);
        Writing w = new Writing(lang, typedLanguage(objective, owner));
        RankableTie subject = keyPerson != null ? keyPerson : tie;
        Focus focus = Focus.of(relevance, subject.contact(), w);
        List<String> sentences = new ArrayList<>();
        sentences.addAll(hook(w, action, tie, owner, now));
        // Family, friends, strong ties, clients and colleagues know who the owner is.
        if (!Relationship.isClose(tie) && !Relationship.isClient(tie) && tie.origin() != Origin.COLLEAGUE) {
            introduction(w, owner).ifPresent(sentences::add);
        }
        Optional<String> aim = aim(w, objective, focus);
        aim.ifPresent(sentences::add);
        sentences.add(request(w, action, objective, tie, keyPerson, focus, aim.isPresent()));
        boolean committing = COMMITTING_ACTIONS.contains(action) || (action == Action.ASK_INTRODUCTION && keyPerson == null);
        sentences.add(w.fr ? (committing ? "Et si ce n'est pas possible, je comprendrai tout à fait." : "Si ce n'est pas le bon moment, aucun souci.")
                : (committing ? "And if it is not possible, I will completely understand." : "If now is not a good time, no worries at all."));
        return new Recommendation.Message(lang.code(), greeting(w, FirstName.of(tie.displayName()).orElse(null)) + "\n"
                + String.join(" ", sentences));
    }

    /** The language the objective's targets were typed in: the objective's, else the owner's; null when neither says. */
    private static Language typedLanguage(Objective objective, OwnerProfile owner) {
        return Language.fromCode(objective.language())
                .or(() -> owner == null ? Optional.empty() : Language.fromCode(owner.language())).orElse(null);
    }

    private static String greeting(Writing w, String firstName) {
        if (firstName == null) {
            return w.fr ? "Bonjour," : "Hello,";
        }
        return (w.fr ? "Bonjour " : "Hello ") + firstName + ",";
    }

    // ---------------------------------------------------------------- the hook

    /** What the owner and the contact share, from the data only: a past, the last exchange, how they met. */
    private static List<String> hook(Writing w, Action action, RankableTie tie, OwnerProfile owner, Instant now) {
        List<String> hook = new ArrayList<>();
        Contact contact = tie.contact();
        Origin origin = tie.origin();
        Optional<String> past = sharedPast(w, contact, origin, owner);
        past.or(() -> howWeMet(w, action, tie, now)).ifPresent(hook::add);
        Instant lastExchange = tie.tie().lastReciprocatedAt();
        if (lastExchange != null) {
            hook.add(w.fr ? "Notre dernier échange remonte à " + when(w, lastExchange, now) + "."
                    : "We were last in touch in " + when(w, lastExchange, now) + ".");
        } else if (hook.isEmpty() && tie.tieClass() == TieClass.DORMANT) {
            hook.add(w.fr ? "Cela fait longtemps que nous n'avons pas échangé." : "It has been a long time since we were last in touch.");
        }
        return hook;
    }

    /** How the owner and the contact met, as the data tells it: an event, a mutual acquaintance, work, school, a platform. */
    private static Optional<String> howWeMet(Writing w, Action action, RankableTie tie, Instant now) {
        Contact contact = tie.contact();
        Origin origin = tie.origin();
        LocalDate connectedOn = contact == null ? null : contact.connectedOn();
        String since = connectedOn == null ? "" : (w.fr ? " depuis " : " since ") + connectedOn.getYear();
        String platform = platform(contact);
        if (action == Action.REACH_OUT && neverTalked(tie, now)) {
            String where = platform == null ? "" : (w.fr ? " sur " : " on ") + platform;
            return Optional.of(w.fr ? "Nous sommes en relation" + where + " depuis peu, sans avoir encore eu l'occasion d'échanger."
                    : "We connected" + where + " recently but have not had the chance to talk yet.");
        }
        String met = origin == null ? null : switch (origin) {
            case EVENT -> w.fr ? "Nous avons fait connaissance lors d'un événement" + (connectedOn == null ? "" : " en " + connectedOn.getYear()) + "."
                    : "We met at an event" + (connectedOn == null ? "" : " in " + connectedOn.getYear()) + ".";
            case INTRODUCED -> w.fr ? "Nous sommes en contact" + since + " grâce à une connaissance commune."
                    : "A mutual acquaintance introduced us" + (connectedOn == null ? "" : " in " + connectedOn.getYear()) + ".";
            case FORMER_COLLEAGUE -> w.fr ? "Nous avons travaillé ensemble par le passé." : "We worked together in the past.";
            case CLIENT, PARTNER -> w.fr ? "Nous avons travaillé ensemble." : "We have worked together.";
            case SCHOOL -> w.fr ? "Nous avons fait nos études ensemble." : "We studied together.";
            case NEIGHBOUR -> w.fr ? "Nous habitons le même quartier." : "We live in the same neighbourhood.";
            default -> null;
        };
        if (met == null && Relationship.isClient(tie)) {
            met = w.fr ? "Nous avons travaillé ensemble." : "We have worked together.";
        }
        if (met == null && platform != null && !Relationship.isClose(tie)) {
            met = w.fr ? "Nous sommes en relation sur " + platform + since + "." : "We have been connected on " + platform + since + ".";
        }
        return Optional.ofNullable(met);
    }

    /** A former employer or a school the owner and the contact share, or the contact now at the owner's former employer. */
    private static Optional<String> sharedPast(Writing w, Contact contact, Origin origin, OwnerProfile owner) {
        if (contact == null || owner == null) {
            return Optional.empty();
        }
        boolean together = origin == Origin.FORMER_COLLEAGUE;
        for (String ownerPast : nonBlank(owner.pastCompanies())) {
            for (String contactPast : nonBlank(contact.pastCompanies())) {
                if (sameName(ownerPast, contactPast)) {
                    return Optional.of(together
                            ? (w.fr ? "Nous avons travaillé ensemble chez " + ownerPast + "." : "We worked together at " + ownerPast + ".")
                            : (w.fr ? "Nous avons travaillé chez " + ownerPast + ", vous comme moi." : "We both worked at " + ownerPast + "."));
                }
            }
            if (sameName(ownerPast, contact.company())) {
                return Optional.of(w.fr ? "Vous travaillez chez " + contact.company() + ", où j'ai moi-même travaillé."
                        : "You work at " + contact.company() + ", where I used to work.");
            }
        }
        for (String contactPast : nonBlank(contact.pastCompanies())) {
            if (sameName(contactPast, owner.company())) {
                return Optional.of(w.fr ? "Vous avez travaillé chez " + owner.company() + ", où je travaille aujourd'hui."
                        : "You worked at " + owner.company() + ", where I work today.");
            }
        }
        boolean schoolMates = origin == Origin.SCHOOL;
        for (String ownerSchool : nonBlank(owner.schools())) {
            for (String contactSchool : nonBlank(contact.schools())) {
                if (sameName(ownerSchool, contactSchool)) {
                    return Optional.of(schoolMates
                            ? (w.fr ? "Nous avons fait nos études ensemble " + atSchool(ownerSchool) + "." : "We studied together at " + ownerSchool + ".")
                            : (w.fr ? "Nous avons étudié " + atSchool(ownerSchool) + ", vous comme moi." : "We both studied at " + ownerSchool + "."));
                }
            }
        }
        return Optional.empty();
    }

    /** "à l'ESCP", "à l'Université Paris-Dauphine", "à HEC", "au lycée Henri-IV". */
    static String atSchool(String school) {
        String name = school.strip();
        String normal = NormalizedText.normalize(name);
        if (normal.startsWith("lycee ") || normal.startsWith("college ")) {
            return "au " + Character.toLowerCase(name.charAt(0)) + name.substring(1);
        }
        return !normal.isEmpty() && "aeiou".indexOf(normal.charAt(0)) >= 0 ? "à l'" + name : "à " + name;
    }

    /** Whether the contact has had no interaction at all and connected within two years: only then may a message say so. */
    static boolean neverTalked(RankableTie tie, Instant now) {
        Contact contact = tie.contact();
        if (contact == null || contact.connectedOn() == null || tie.tie().interactionCount() > 0
                || tie.tie().lastInteractionAt() != null || tie.tie().lastReciprocatedAt() != null) {
            return false;
        }
        return !contact.connectedOn().isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC).minus(RECENT_CONNECTION));
    }

    /** "mars" within the year, "mars 2024" within three, "2021" before; "quelques semaines" under a month and a half. */
    static String when(Writing w, Instant at, Instant now) {
        LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
        Duration age = Duration.between(at, now);
        if (age.toDays() < 45) {
            return w.fr ? "quelques semaines" : "the last few weeks";
        }
        String month = date.getMonth().getDisplayName(TextStyle.FULL, w.fr ? Locale.FRENCH : Locale.ENGLISH);
        if (age.toDays() < 330) {
            return month;
        }
        return age.toDays() < 3 * 365 ? month + " " + date.getYear() : String.valueOf(date.getYear());
    }

    private static String platform(Contact contact) {
        if (contact == null || contact.source() == null) {
            return null;
        }
        return switch (contact.source()) {
            case LINKEDIN -> "LinkedIn";
            case VIADEO -> "Viadeo";
            case FACEBOOK -> "Facebook";
            case TWITTER -> "Twitter";
            case INSTAGRAM -> "Instagram";
            case YOUTUBE -> "YouTube";
            default -> null;
        };
    }

    // ---------------------------------------------------------------- who the owner is

    /** The owner's pitch when written in the message's language, else their sector and company. */
    private static Optional<String> introduction(Writing w, OwnerProfile owner) {
        if (owner == null) {
            return Optional.empty();
        }
        String pitch = owner.pitch() == null ? "" : owner.pitch().strip();
        if (!pitch.isEmpty() && pitchLanguage(owner, pitch) == w.language) {
            return Optional.of(endsWithPunctuation(pitch) ? pitch : pitch + ".");
        }
        Language ownersOwn = Language.fromCode(owner.language()).orElse(null);
        Field sector = Field.sector(owner.sector(), null, new Writing(w.language, ownersOwn));
        boolean selfEmployed = Vocabulary.isSelfEmployment(owner.company());
        String company = owner.company() == null || owner.company().isBlank() || selfEmployed ? null : owner.company().strip();
        if (sector == null && company == null && !selfEmployed) {
            return Optional.empty();
        }
        StringBuilder line = new StringBuilder(w.fr ? "Je travaille aujourd'hui" : "These days I work");
        if (selfEmployed) {
            line.append(w.fr ? " à mon compte" : " for myself");
        }
        if (sector != null) {
            line.append(selfEmployed ? "," : "").append(' ').append(sector.in(w));
        }
        if (company != null) {
            line.append(sector != null ? ", " : " ").append(w.fr ? "chez " : "at ").append(company);
        }
        return Optional.of(line.append('.').toString());
    }

    /** The profile's language when set, else what the pitch's own little words say. */
    static Language pitchLanguage(OwnerProfile owner, String pitch) {
        Optional<Language> declared = Language.fromCode(owner.language());
        if (declared.isPresent()) {
            return declared.get();
        }
        int french = 0;
        int english = 0;
        for (String word : NormalizedText.normalize(pitch).split(" ")) {
            if (Set.of("je", "j", "suis", "et", "les", "des", "une", "pour", "dans", "mon", "ma", "mes", "avec", "qui", "du", "au", "aux")
                    .contains(word)) {
                french++;
            }
            if (Set.of("i", "am", "and", "the", "for", "my", "with", "who", "at", "of", "to", "in", "looking").contains(word)) {
                english++;
            }
        }
        return french == english ? null : french > english ? Language.FR : Language.EN;
    }

    private static boolean endsWithPunctuation(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '…';
    }

    // ---------------------------------------------------------------- what the owner looks for

    /** One sentence on what the objective is after, with its targets in the message's words. */
    private static Optional<String> aim(Writing w, Objective objective, Focus focus) {
        Objective.Targets targets = objective.targets();
        return switch (objective.type()) {
            case JOB_SEARCH -> {
                RoleName role = focus.role != null ? focus.role : firstRole(targets.roles(), w);
                List<Field> sectors = focus.field != null ? List.of(focus.field) : fields(targets.sectors(), w, Field::sector);
                String position = role != null ? role.position(w) : (w.fr ? "un nouveau poste" : "a new role");
                yield Optional.of((w.fr ? "Je cherche " : "I am looking for ") + position + inFields(w, sectors) + ".");
            }
            case COMMERCIAL_PROSPECTING -> {
                List<Field> sectors = focus.field != null ? List.of(focus.field) : fields(targets.sectors(), w, Field::sector);
                String place = focus.place ? (w.fr ? ", notamment dans votre région" : ", particularly in your region") : "";
                yield Optional.of((w.fr ? "Je développe mon activité" : "I am growing my business") + inFields(w, sectors) + place + ".");
            }
            case BUSINESS_CREATION -> {
                if (focus.need != null) {
                    yield Optional.of(w.fr ? "Je prépare la création d'une entreprise et je cherche " + focus.need.sought(w) + "."
                            : "I am getting a new company off the ground and I am looking for " + focus.need.sought(w) + ".");
                }
                List<Field> sectors = focus.field != null ? List.of(focus.field) : fields(targets.sectors(), w, Field::sector);
                yield Optional.of((w.fr ? "Je prépare la création d'une entreprise" : "I am getting a new company off the ground")
                        + inFields(w, sectors) + ".");
            }
            case E_REPUTATION -> {
                List<Field> topics = focus.topic != null ? List.of(focus.topic) : fields(targets.topics(), w, Field::topic);
                topics = topics.subList(0, Math.min(2, topics.size()));
                if (topics.isEmpty()) {
                    yield Optional.empty();
                }
                yield Optional.of(w.fr ? "Je m'intéresse de près " + join(w, topics.stream().map(t -> t.interestIn(w)).toList()) + "."
                        : "I follow " + join(w, topics.stream().map(t -> t.definite(w)).toList()) + " closely.");
            }
            case INFORMATION -> {
                List<Field> fields = focus.field != null ? List.of(focus.field) : focus.topic != null ? List.of(focus.topic)
                        : fields(targets.sectors(), w, Field::sector);
                if (fields.isEmpty()) {
                    yield Optional.empty();
                }
                yield Optional.of(w.fr ? "Je me renseigne en ce moment sur " + join(w, fields.stream().map(f -> f.definite(w)).toList()) + "."
                        : "I am finding out more about " + join(w, fields.stream().map(f -> f.definite(w)).toList()) + " at the moment.");
            }
        };
    }

    private static String inFields(Writing w, List<Field> fields) {
        if (fields.isEmpty()) {
            return "";
        }
        // "dans le logiciel, la fintech ou les médias numériques": the preposition once, each its article.
        return (w.fr ? " dans " : " in ") + join(w, fields.stream().map(f -> f.definite(w)).toList(), w.fr ? " ou " : " or ");
    }

    private static String join(Writing w, List<String> parts) {
        return join(w, parts, w.fr ? " et " : " and ");
    }

    private static String join(Writing w, List<String> parts, String last) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + last + parts.get(parts.size() - 1);
    }

    /** The objective's targets of one kind that a message can name (at most three), unknown ones only in their own language. */
    private static List<Field> fields(List<String> wordings, Writing w, FieldReader reader) {
        List<Field> fields = new ArrayList<>();
        for (String wording : wordings) {
            Field field = reader.read(wording, null, w);
            if (field != null && !fields.contains(field)) {
                fields.add(field);
            }
            if (fields.size() == 3) {
                break;
            }
        }
        return fields;
    }

    private static RoleName firstRole(List<String> wordings, Writing w) {
        for (String wording : wordings) {
            RoleName role = RoleName.of(wording, null, w);
            if (role != null) {
                return role;
            }
        }
        return null;
    }

    @FunctionalInterface
    private interface FieldReader {
        Field read(String target, String contactValue, Writing w);
    }

    // ---------------------------------------------------------------- the request

    private static String request(Writing w, Action action, Objective objective, RankableTie tie, RankableTie keyPerson, Focus focus,
                                  boolean aimSaid) {
        ObjectiveType type = objective.type();
        Contact contact = tie.contact();
        String company = companyOf(contact);
        return switch (action) {
            case ASK_INTRODUCTION -> keyPerson != null ? warmIntroduction(w, keyPerson, focus) : introduction(w, type, focus, company);
            case REACH_OUT -> w.fr ? "Accepteriez-vous un court échange, par message ou par téléphone, sur " + focus.experience(w, company) + " ?"
                    : "Would you be open to a short exchange, by message or on the phone, about " + focus.experience(w, company) + "?";
            case REACTIVATE -> w.fr ? "J'aimerais beaucoup avoir de vos nouvelles et savoir ce que vous faites aujourd'hui : auriez-vous un moment pour un appel dans les semaines qui viennent ?"
                    : "I would love to hear your news and what you are working on now: would you have time for a call in the coming weeks?";
            case ASK_INFORMATION -> information(w, type, contact, company, focus);
            case ASK_ADVICE -> advice(w, type, contact, company, focus);
            case ASK_REFERRAL -> type == ObjectiveType.JOB_SEARCH && focus.company != null
                    ? (w.fr ? focus.company + " m'intéresse beaucoup : accepteriez-vous de me recommander en interne, ou de me dire à qui écrire ?"
                    : "I am very interested in " + focus.company + ": would you be willing to refer me internally, or to tell me whom to write to?")
                    : (w.fr ? "Connaîtriez-vous une ou deux personnes de votre entourage à qui mon travail pourrait être utile ? Un simple nom me suffirait."
                    : "Would you know one or two people around you who might find my work useful? A name would be plenty.");
            case ENGAGE_CONTENT -> {
                boolean oneTopic = focus.topic != null || objective.targets().topics().size() == 1;
                String where = !aimSaid ? (w.fr ? "dans votre domaine" : "in your field")
                        : oneTopic ? (w.fr ? "sur le sujet" : "on the subject") : (w.fr ? "sur ces sujets" : "on these subjects");
                yield w.fr ? "Auriez-vous un article ou une lecture à me recommander " + where + " ?"
                        : "Is there an article or a read " + where + " you would recommend?";
            }
            case ASK_RECOMMENDATION -> {
                String platform = platform(contact);
                String on = "LinkedIn".equals(platform) || "Viadeo".equals(platform) ? (w.fr ? " sur " : " on ") + platform : "";
                yield w.fr ? "Accepteriez-vous d'écrire quelques lignes de recommandation sur notre travail ensemble" + on + " ?"
                        : "Would you be willing to write a few lines of recommendation about our work together" + on + "?";
            }
        };
    }

    private static String warmIntroduction(Writing w, RankableTie keyPerson, Focus focus) {
        String name = keyPerson.displayName();
        String first = FirstName.of(name).orElse(name);
        String keyCompany = companyOf(keyPerson.contact());
        String at = keyCompany == null ? "" : (w.fr ? ", chez " : ", at ") + keyCompany;
        return w.fr ? "Je crois que vous connaissez " + name + at + ". J'aimerais beaucoup échanger avec " + first + " sur "
                + focus.theirExperience(w) + " : accepteriez-vous de nous mettre en relation ?"
                : "I believe you know " + name + at + ". I would very much like to talk with " + first + " about "
                + focus.theirExperience(w) + ": would you be willing to put us in touch?";
    }

    private static String introduction(Writing w, ObjectiveType type, Focus focus, String company) {
        if (type == ObjectiveType.COMMERCIAL_PROSPECTING) {
            String where = company != null ? (w.fr ? "chez " : "at ") + company : (w.fr ? "dans votre entreprise" : "in your company");
            return w.fr ? "Accepteriez-vous de me présenter à la personne qui, " + where + ", serait la mieux placée pour en parler ?"
                    : "Would you be willing to introduce me to the person " + where + " best placed to discuss it?";
        }
        if (type == ObjectiveType.BUSINESS_CREATION && focus.need != null && focus.need.need != null) {
            String where = company != null ? (w.fr ? "de " + company : "at " + company) : (w.fr ? "de votre entourage" : "you know");
            switch (focus.need.need) {
                case INVESTORS:
                    return w.fr ? "Accepteriez-vous que je vous présente le projet en vingt minutes, ou de me présenter à la personne " + where
                            + " la mieux placée pour l'étudier ?"
                            : "Would you let me present the project to you in twenty minutes, or introduce me to the person " + where
                            + " best placed to look at it?";
                case CO_FOUNDER:
                    return w.fr ? "Accepteriez-vous que nous en parlions, ou de me présenter à une personne de votre entourage que le projet pourrait intéresser ?"
                            : "Would you be open to talking it over, or to introducing me to someone you know who might be interested in the project?";
                case FIRST_CUSTOMERS:
                    return w.fr ? "Accepteriez-vous que je vous présente ce que je prépare, ou de me présenter à la personne qui s'en occupe "
                            + (company != null ? "chez " + company : "dans votre entreprise") + " ?"
                            : "Would you let me show you what I am preparing, or introduce me to the person who handles this "
                            + (company != null ? "at " + company : "in your company") + "?";
                default:
                    break;
            }
        }
        String who = focus.company != null ? (w.fr ? "qui travaillent chez " : "who work at ") + focus.company
                : focus.field != null ? (w.fr ? "qui travaillent " : "who work ") + focus.field.in(w)
                : (w.fr ? "qui travaillent dans votre domaine" : "who work in your field");
        return w.fr ? "Accepteriez-vous de me présenter à une ou deux personnes de votre entourage " + who + " ?"
                : "Would you be willing to introduce me to one or two people you know " + who + "?";
    }

    private static String information(Writing w, ObjectiveType type, Contact contact, String company, Focus focus) {
        if (type == ObjectiveType.JOB_SEARCH && contact != null && RoleVocabulary.isRecruiter(NormalizedText.padded(contact.role()))) {
            String where = company != null ? (w.fr ? " chez " : " at ") + company : (w.fr ? " de votre côté" : " on your side");
            return w.fr ? "Sauriez-vous quels postes sont ouverts en ce moment" + where + ", ou à qui je pourrais m'adresser ?"
                    : "Would you know which positions are open" + where + " at the moment, or whom I could contact?";
        }
        if (focus.need != null && focus.need.need == Need.SUPPLIERS) {
            return w.fr ? "Pourriez-vous m'indiquer comment vous travaillez avec une jeune entreprise : délais, volumes minimums, conditions ?"
                    : "Could you tell me how you work with a young company: lead times, minimum volumes, terms?";
        }
        return w.fr ? "Auriez-vous dix minutes pour répondre à deux ou trois questions précises sur " + focus.experience(w, company) + " ?"
                : "Would you have ten minutes to answer two or three precise questions about " + focus.experience(w, company) + "?";
    }

    private static String advice(Writing w, ObjectiveType type, Contact contact, String company, Focus focus) {
        if (type == ObjectiveType.COMMERCIAL_PROSPECTING && contact != null
                && RoleVocabulary.decisionWeight(NormalizedText.padded(contact.role())) > 0) {
            String at = company != null ? (w.fr ? " chez " : " at ") + company : "";
            return w.fr ? "Sans rien chercher à vous vendre, j'aimerais comprendre comment vous travaillez" + at
                    + " et ce dont vous pourriez avoir besoin : auriez-vous vingt minutes pour en parler ?"
                    : "Without trying to sell you anything, I would like to understand how you work" + at
                    + " and what you might need: would you have twenty minutes to talk about it?";
        }
        if (focus.need != null && focus.need.need != null && !focus.need.need.equals(Need.INVESTORS)
                && focus.need.need != Need.CO_FOUNDER && focus.need.need != Need.FIRST_CUSTOMERS) {
            Label subject = focus.need.need.subject();
            return w.fr ? "Votre regard sur " + subject.definite(w.language) + " me serait précieux : auriez-vous vingt minutes pour en parler dans les semaines qui viennent ?"
                    : "Your view on " + subject.definite(w.language) + " would be invaluable: would you have twenty minutes to talk about it in the coming weeks?";
        }
        return w.fr ? capitalised(focus.experience(w, company)) + " m'aiderait beaucoup : auriez-vous vingt minutes pour m'en parler dans les semaines qui viennent ?"
                : capitalised(focus.experience(w, company)) + " would help me a lot: would you have twenty minutes to tell me about it in the coming weeks?";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The contact's company as a message may name it: none for "Independent" and the like. */
    private static String companyOf(Contact contact) {
        if (contact == null || contact.company() == null || contact.company().isBlank() || Vocabulary.isSelfEmployment(contact.company())) {
            return null;
        }
        return contact.company().strip();
    }

    private static boolean sameName(String a, String b) {
        return a != null && b != null && Relationship.sameCompany(NormalizedText.normalize(a), NormalizedText.normalize(b));
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    // ---------------------------------------------------------------- naming the targets

    /** The message's language, and the language the targets were typed in (null when unknown). */
    record Writing(Language language, Language typed, boolean fr) {
        Writing(Language language, Language typed) {
            this(language, typed, language == Language.FR);
        }

        /** Whether the owner's own word may be quoted: only in the language it was typed in. */
        boolean mayQuote() {
            return typed == language;
        }

        String quoted(String word) {
            return fr ? "« " + word.strip() + " »" : "“" + word.strip() + "”";
        }
    }

    /**
     * A field (a sector or a topic) as a message names it: the vocabulary's label, or the owner's own
     * word quoted when the message is in the language it was typed in.
     */
    record Field(Label label, String quoted) {

        /** A sector target ("Software" → le logiciel); else the contact's own sector when the vocabulary knows it; else the quoting rule. */
        static Field sector(String target, String contactValue, Writing w) {
            Optional<Sector> known = Vocabulary.SECTORS.recognise(target).or(() -> Vocabulary.SECTORS.find(target));
            if (known.isPresent()) {
                return new Field(known.get().label(), null);
            }
            Optional<Sector> theirs = Vocabulary.SECTORS.find(contactValue);
            if (theirs.isPresent()) {
                return new Field(theirs.get().label(), null);
            }
            return target != null && !target.isBlank() && w.mayQuote() ? new Field(null, w.quoted(target)) : null;
        }

        /** A topic target: a topic or a sector of the vocabulary, else the quoting rule (a contact's tags are never read as what they share). */
        static Field topic(String target, String contactValue, Writing w) {
            Optional<Label> known = Vocabulary.TOPICS.recognise(target).map(Topic::label)
                    .or(() -> Vocabulary.SECTORS.recognise(target).map(Sector::label))
                    .or(() -> Vocabulary.TOPICS.find(target).map(Topic::label))
                    .or(() -> Vocabulary.SECTORS.find(target).map(Sector::label));
            if (known.isPresent()) {
                return new Field(known.get(), null);
            }
            return target != null && !target.isBlank() && w.mayQuote() ? new Field(null, w.quoted(target)) : null;
        }

        String definite(Writing w) {
            return label != null ? label.definite(w.language) : (w.fr ? "le domaine " : "the field of ") + quoted;
        }

        String in(Writing w) {
            return label != null ? label.in(w.language) : (w.fr ? "dans le domaine " : "in the field of ") + quoted;
        }

        String interestIn(Writing w) {
            return label != null ? label.interestIn(w.language) : (w.fr ? "au domaine " : "in ") + quoted;
        }

        String of(Writing w) {
            return label != null ? label.of(w.language) : (w.fr ? "du domaine " : "of ") + quoted;
        }
    }

    /** A role target as a message names it. */
    record RoleName(Role role, String quoted) {
        static RoleName of(String target, String contactValue, Writing w) {
            Optional<Role> known = Vocabulary.ROLES.recognise(target).or(() -> Vocabulary.ROLES.find(target))
                    .or(() -> Vocabulary.ROLES.find(contactValue));
            if (known.isPresent()) {
                return new RoleName(known.get(), null);
            }
            return target != null && !target.isBlank() && w.mayQuote() ? new RoleName(null, w.quoted(target)) : null;
        }

        String position(Writing w) {
            return role != null ? role.position(w.language) : (w.fr ? "un poste de " : "a role as ") + quoted;
        }

        /** "la gestion de produit" / "product management"; the quoted word as "le métier de « X »". */
        String field(Writing w) {
            return role != null ? role.field().definite(w.language) : (w.fr ? "le métier de " : "working as ") + quoted;
        }

        String ofField(Writing w) {
            return role != null ? role.field().of(w.language) : (w.fr ? "du métier de " : "of working as ") + quoted;
        }
    }

    /** A need as a message names it. */
    record NeedName(Need need, String quoted) {
        static NeedName of(String target, Writing w) {
            Optional<Need> known = Vocabulary.NEEDS.recognise(target).or(() -> Vocabulary.NEEDS.find(target));
            if (known.isPresent()) {
                return new NeedName(known.get(), null);
            }
            return target != null && !target.isBlank() && w.mayQuote() ? new NeedName(null, w.quoted(target)) : null;
        }

        String sought(Writing w) {
            return need != null ? need.sought(w.language) : quoted;
        }

        String of(Writing w) {
            return need != null ? need.subject().of(w.language) : (w.fr ? "de " : "of ") + quoted;
        }
    }

    /** What of the targets the message is about: the matched company, field, role, need, topic, and whether a place matched. */
    record Focus(String company, Field field, RoleName role, NeedName need, Field topic, boolean place) {

        static Focus of(Relevance relevance, Contact contact, Writing w) {
            String company = relevance.match(TargetMatch.Kind.COMPANY)
                    .map(m -> contact != null && contact.company() != null && !contact.company().isBlank() ? contact.company().strip() : m.target())
                    .orElse(null);
            Field field = relevance.match(TargetMatch.Kind.SECTOR)
                    .map(m -> Field.sector(m.target(), contact == null ? null : contact.sector(), w)).orElse(null);
            RoleName role = relevance.match(TargetMatch.Kind.ROLE)
                    .map(m -> RoleName.of(m.target(), contact == null ? null : contact.role(), w)).orElse(null);
            NeedName need = relevance.match(TargetMatch.Kind.NEED).map(m -> NeedName.of(m.target(), w)).orElse(null);
            Field topic = relevance.match(TargetMatch.Kind.TOPIC).map(m -> Field.topic(m.target(), null, w)).orElse(null);
            return new Focus(company, field, role, need, topic, relevance.has(TargetMatch.Kind.LOCATION));
        }

        /** The contact's experience the request is about: "votre expérience chez Lydia", "your experience in fintech", "votre parcours". */
        String experience(Writing w, String contactCompany) {
            if (role != null) {
                return (w.fr ? "votre expérience " : "your experience ") + role.ofField(w);
            }
            if (company != null) {
                return (w.fr ? "votre expérience chez " : "your experience at ") + company;
            }
            if (need != null) {
                return (w.fr ? "votre expérience " : "your experience ") + need.of(w);
            }
            if (field != null) {
                return (w.fr ? "votre expérience " : "your experience ") + field.in(w)
                        + (contactCompany == null ? "" : (w.fr ? ", chez " : ", at ") + contactCompany);
            }
            if (contactCompany != null) {
                return (w.fr ? "votre expérience chez " : "your experience at ") + contactCompany;
            }
            return w.fr ? "votre parcours" : "your career";
        }

        /** What a warm path's key person could talk about: "son expérience chez N26" / "working at N26". */
        String theirExperience(Writing w) {
            if (role != null) {
                return w.fr ? "son expérience " + role.ofField(w) : role.field(w);
            }
            if (company != null) {
                return w.fr ? "son expérience chez " + company : "working at " + company;
            }
            if (need != null) {
                return w.fr ? "son expérience " + need.of(w) : need.need != null ? need.need.subject().definite(Language.EN) : need.quoted;
            }
            if (field != null) {
                return w.fr ? "son expérience " + field.in(w) : "working " + field.in(w);
            }
            return w.fr ? "son parcours" : "their work";
        }
    }
}
