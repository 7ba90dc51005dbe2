package io.passerelle.advice.evaluation;

import static io.passerelle.advice.evaluation.NetworkBuilder.YEAR;
import static io.passerelle.advice.evaluation.Places.BERLIN;
import static io.passerelle.advice.evaluation.Places.BORDEAUX;
import static io.passerelle.advice.evaluation.Places.BOULOGNE;
import static io.passerelle.advice.evaluation.Places.BRUSSELS;
import static io.passerelle.advice.evaluation.Places.GENEVA;
import static io.passerelle.advice.evaluation.Places.HAMBURG;
import static io.passerelle.advice.evaluation.Places.LILLE;
import static io.passerelle.advice.evaluation.Places.LONDON;
import static io.passerelle.advice.evaluation.Places.LYON;
import static io.passerelle.advice.evaluation.Places.MARSEILLE;
import static io.passerelle.advice.evaluation.Places.MILAN;
import static io.passerelle.advice.evaluation.Places.MUNICH;
import static io.passerelle.advice.evaluation.Places.PARIS;
import static io.passerelle.advice.evaluation.Places.STRASBOURG;
import static io.passerelle.contracts.model.Channel.CALL;
import static io.passerelle.contracts.model.Channel.EMAIL;
import static io.passerelle.contracts.model.Channel.MEETING;
import static io.passerelle.contracts.model.Channel.PRIVATE_MESSAGE;
import static io.passerelle.contracts.model.Channel.PUBLIC_COMMENT;
import static io.passerelle.contracts.model.Channel.VIDEO_CALL;
import static io.passerelle.contracts.model.Direction.INBOUND;
import static io.passerelle.contracts.model.Direction.OUTBOUND;
import static io.passerelle.contracts.model.Origin.COLLEAGUE;
import static io.passerelle.contracts.model.Origin.EVENT;
import static io.passerelle.contracts.model.Origin.FAMILY;
import static io.passerelle.contracts.model.Origin.FORMER_COLLEAGUE;
import static io.passerelle.contracts.model.Origin.FRIEND;
import static io.passerelle.contracts.model.Origin.INTRODUCED;
import static io.passerelle.contracts.model.Origin.NEIGHBOUR;
import static io.passerelle.contracts.model.Origin.ONLINE;
import static io.passerelle.contracts.model.Origin.OTHER;
import static io.passerelle.contracts.model.Origin.PARTNER;
import static io.passerelle.contracts.model.Origin.SCHOOL;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.Source;
import java.time.Instant;
import java.util.List;

/**
 * Alexandre Hoffmann, French and German, founding Kardia Health (remote cardiac monitoring) between
 * Paris and Berlin; before that Laboratoires Servane (pharma, Paris, 2018-2022) and Medisys Group
 * (medical devices, Paris and Berlin, 2012-2018); ESCP, Université Paris Cité. Writes in English.
 * He needs investors, a technical co-founder, legal and finance help, mentors, suppliers and his
 * first customers (hospitals and clinics). His father is a retired cardiologist in Berlin, his best
 * friend a surgeon at a Paris hospital.
 */
final class FounderParisBerlin {
    static final String OWNER = "Alexandre Hoffmann (founder, health tech, Paris-Berlin)";

    static final List<String> NEEDS = List.of("investors", "co-founder", "legal", "finance", "mentor", "suppliers", "first customers");

    static final Objective.Targets CREATION_TARGETS = new Objective.Targets(
            List.of("Health tech", "Medtech"),
            List.of(),
            List.of(),
            List.of("Paris", "Berlin"),
            List.of(GeographicScale.CITY, GeographicScale.COUNTRY, GeographicScale.EUROPE),
            List.of(),
            NEEDS);

    private static final String COOL_DOWN_RULE = "cool-down: the owner met him last week and called him yesterday";

    private FounderParisBerlin() {
    }

    static EvaluationOwner create(Instant now) {
        Network network = network(now);
        Objective creation = EvaluationRun.objective(network, "alexandre-creation-kardia", ObjectiveType.BUSINESS_CREATION, CREATION_TARGETS);
        Objective job = EvaluationRun.objective(network, "alexandre-same-targets-job", ObjectiveType.JOB_SEARCH, CREATION_TARGETS);
        Objective prospecting = EvaluationRun.objective(network, "alexandre-same-targets-prospecting", ObjectiveType.COMMERCIAL_PROSPECTING, CREATION_TARGETS);
        Objective reputationTopics = EvaluationRun.objective(network, "alexandre-reputation-topics", ObjectiveType.E_REPUTATION,
                new Objective.Targets(null, null, null, null, null, List.of("digital health", "remote cardiac monitoring"), null));
        Objective reputationOpen = EvaluationRun.objective(network, "alexandre-reputation-open", ObjectiveType.E_REPUTATION, Objective.Targets.NONE);
        return new EvaluationOwner(OWNER, network, List.of(
                new EvaluationRun(OWNER, "BUSINESS_CREATION, Kardia Health (his objective)", network, creation, creationLabels(), true),
                new EvaluationRun(OWNER, "JOB_SEARCH, same targets", network, job, jobSearchLabels(), true),
                new EvaluationRun(OWNER, "COMMERCIAL_PROSPECTING, same targets", network, prospecting, prospectingLabels(), true),
                new EvaluationRun(OWNER, "E_REPUTATION with topics", network, reputationTopics, reputationWithTopicsLabels(), false),
                new EvaluationRun(OWNER, "E_REPUTATION without topics", network, reputationOpen, reputationWithoutTopicsLabels(), false)));
    }

    static Network network(Instant now) {
        NetworkBuilder n = new NetworkBuilder("alexandre-hoffmann", now);
        n.owner(new OwnerProfile("Alexandre Hoffmann", "Health tech", "Fondateur", "Kardia Health",
                List.of("Laboratoires Servane", "Medisys Group"), List.of("ESCP Business School", "Université Paris Cité"), PARIS,
                List.of("digital health", "remote cardiac monitoring", "cardiology"), "en", false));

        // Family and close friends: a retired cardiologist father, a pharmacist mother, a surgeon friend, an engineer friend.
        n.person("klaus-hoffmann", "Klaus Hoffmann").origin(FAMILY).source(Source.PHONE).closeness(5)
                .works("Cardiologue retraité", null, "Santé").at(BERLIN)
                .every(CALL, 7, 3 * YEAR, 2).every(MEETING, 90, 3 * YEAR, 30);
        n.person("catherine-hoffmann", "Catherine Hoffmann").origin(FAMILY).source(Source.PHONE).closeness(5)
                .works("Pharmacienne", "Pharmacie du Marais", "Pharmacie").at(PARIS)
                .every(CALL, 5, 2 * YEAR, 1).every(MEETING, 14, 2 * YEAR, 4);
        n.person("julia-hoffmann", "Julia Hoffmann").origin(FAMILY).source(Source.PHONE).closeness(5)
                .works("Enseignante", "Lycée français de Berlin", "Éducation").at(BERLIN)
                .every(PRIVATE_MESSAGE, 4, 2 * YEAR, 1);
        n.person("jonas-weber", "Jonas Weber").origin(FRIEND).source(Source.PHONE).closeness(4)
                .works("Senior Software Engineer", "Modehaus", "E-commerce").at(BERLIN)
                .every(PRIVATE_MESSAGE, 7, 2 * YEAR, 3).every(MEETING, 60, 3 * YEAR, 20);
        n.person("maxime-leclerc", "Maxime Leclerc").origin(FRIEND).source(Source.PHONE).closeness(4)
                .works("Chirurgien orthopédiste", "Hôpital Saint-Joseph-Lumière", "Santé").at(PARIS)
                .every(PRIVATE_MESSAGE, 10, 2 * YEAR, 2).every(MEETING, 30, 3 * YEAR, 9);

        // The one person working with him at Kardia Health today.
        n.person("chloe-martin", "Chloé Martin").origin(COLLEAGUE).contexts(RelationContext.INTRA_COMPANY)
                .works("Product Designer", "Kardia Health", "Health tech").at(PARIS)
                .every(PRIVATE_MESSAGE, 2, 150, 1).every(MEETING, 7, 150, 2);

        // Former colleagues, silent for three to six years.
        n.person("tobias-klein", "Tobias Klein").origin(FORMER_COLLEAGUE).closeness(3)
                .works("Senior Embedded Software Engineer", "Helix Medical", "Medtech").past("Medisys Group").at(BERLIN)
                .workedTogether(5100, 3000).exchange(PRIVATE_MESSAGE, 1450, INBOUND);
        n.person("emilie-durand", "Émilie Durand").origin(FORMER_COLLEAGUE)
                .works("Directrice Market Access", "Laboratoires Servane", "Pharmacie").at(PARIS)
                .workedTogether(2920, 1500).exchange(EMAIL, 1200, OUTBOUND);
        n.person("philippe-garnier", "Philippe Garnier").origin(FORMER_COLLEAGUE).closeness(3)
                .works("Directeur médical", "Laboratoires Servane", "Pharmacie").at(PARIS)
                .workedTogether(2920, 1500).exchange(EMAIL, 1250, INBOUND);
        // "Associé" of a consulting firm: a partner in the firm's sense, not a co-founder for him.
        n.person("benoit-lacroix", "Benoît Lacroix").origin(FORMER_COLLEAGUE)
                .works("Associé", "Altares Consulting", "Conseil en stratégie").past("Medisys Group").at(PARIS)
                .workedTogether(5100, 3300).exchange(PRIVATE_MESSAGE, 1800, OUTBOUND);
        // Head of procurement at a clinic (a buyer); silent for four years, liked a post yesterday.
        n.person("sebastien-morin", "Sébastien Morin").origin(FORMER_COLLEAGUE)
                .works("Responsable des achats", "Clinique des Peupliers", "Santé").past("Medisys Group").at(PARIS)
                .workedTogether(4800, 3000).exchange(PRIVATE_MESSAGE, 1500, OUTBOUND).reaction(1);

        // School mates, no exchange logged.
        n.person("amelie-caron", "Amélie Caron").origin(SCHOOL).closeness(4).schools("Université Paris Cité").connectedDaysAgo(14 * YEAR)
                .works("Data Scientist, signal ECG", "Institut Cardio-Data", "Recherche médicale").at(PARIS);
        n.person("thomas-roy", "Thomas Roy").origin(SCHOOL).closeness(3).schools("ESCP Business School").connectedDaysAgo(12 * YEAR)
                .works("Investment Director", "Seine Capital", "Capital-risque").at(PARIS);
        n.person("elise-bertin", "Élise Bertin").origin(SCHOOL).closeness(2).schools("ESCP Business School").connectedDaysAgo(12 * YEAR)
                .works("Brand Manager", "Maison Aurèle", "Luxe").at(PARIS);

        // Investors: a Berlin VC partner met twice, an angel he has never spoken to, Bpifrance, one e-mail five years ago.
        n.person("henrik-vogel", "Henrik Vogel").origin(EVENT).tags("digital health", "seed")
                .works("Partner", "Spree Health Ventures", "Venture capital").at(BERLIN)
                .event(450).meeting(300).exchange(EMAIL, 290, OUTBOUND).exchange(EMAIL, 120, INBOUND);
        n.person("camille-besnard", "Camille Besnard").origin(OTHER).tags("business angel", "santé")
                .works("Business angel, ancienne CEO de Medidom", "Besnard Invest", "Investissement").at(PARIS);
        n.person("julie-fabre", "Julie Fabre").origin(EVENT)
                .works("Chargée d'affaires innovation santé", "Bpifrance", "Financement public").at(PARIS)
                .meeting(550).exchange(EMAIL, 540, INBOUND).exchange(EMAIL, 200, OUTBOUND);
        n.person("mark-evans", "Mark Evans").origin(ONLINE)
                .works("Partner", "Atlas Health Capital", "Venture capital").at(LONDON)
                .email(5 * YEAR + 10, OUTBOUND);

        // Legal: a health-law partner ("associé") in Paris, a MedTech regulatory lawyer in Berlin known through the VC.
        n.person("olivier-duval", "Olivier Duval").origin(EVENT)
                .works("Avocat associé, droit de la santé et des startups", "Duval & Associés", "Juridique").at(PARIS)
                .meeting(240).exchange(EMAIL, 235, INBOUND);
        n.person("katrin-schulz", "Katrin Schulz").origin(OTHER)
                .works("Rechtsanwältin, MedTech-Regulierung", "Schulz Legal", "Juridique").at(BERLIN);

        // Finance and accounting.
        n.person("sandrine-lebrun", "Sandrine Lebrun").origin(INTRODUCED)
                .works("Expert-comptable, startups", "Cabinet Lebrun", "Expertise comptable").at(PARIS)
                .exchange(EMAIL, 100, INBOUND).videoCall(90);
        n.person("nathan-levy", "Nathan Lévy").origin(ONLINE)
                .works("CFO à temps partagé, startups santé", "Lévy Finance", "Conseil financier").at(PARIS)
                .reaction(200).reaction(100).reaction(25);

        // Mentors.
        n.person("francois-aubry", "François Aubry").origin(EVENT).tags("mentor", "digital health")
                .works("Cofondateur et ancien CEO", "Rythmia", "Health tech").at(PARIS)
                .event(610).meeting(600).exchange(EMAIL, 590, INBOUND);
        n.person("ulrike-bauer", "Ulrike Bauer").origin(EVENT).tags("mentor", "digital health")
                .works("Mentor", "Spreewerk Health Accelerator", "Accélérateur").at(BERLIN)
                .event(450).every(PUBLIC_COMMENT, 60, 400, 70).exchange(PRIVATE_MESSAGE, 60, INBOUND);

        // Suppliers: an ECG-sensor maker's sales manager, and a business developer of a health-data host
        // (he sells to Alexandre: a supplier, not a first customer).
        n.person("marco-bianchi", "Marco Bianchi").origin(EVENT)
                .works("Sales Manager, ECG sensors", "SensoTec", "Medtech").at(MILAN)
                .event(300).exchange(EMAIL, 290, OUTBOUND).exchange(EMAIL, 150, INBOUND);
        n.person("julien-marchal", "Julien Marchal").origin(ONLINE)
                .works("Business Developer", "CloudMed Hosting", "Hébergement de données de santé").at(PARIS)
                .message(60, INBOUND).message(55, OUTBOUND).message(50, INBOUND);

        // First customers: hospital cardiology and procurement (buyers), a Berlin hospital's digital lead.
        n.person("nathalie-perrot", "Nathalie Perrot").origin(OTHER)
                .works("Cheffe du service de cardiologie", "Hôpital Saint-Joseph-Lumière", "Santé").at(PARIS);
        n.person("karine-lopez", "Karine Lopez").origin(OTHER)
                .works("Responsable des achats", "Hôpital Saint-Joseph-Lumière", "Santé").at(PARIS);
        n.person("stefan-braun", "Stefan Braun").origin(EVENT)
                .works("Head of Digital Health", "Klinikum Berlin-Mitte", "Santé").at(BERLIN)
                .event(450).exchange(EMAIL, 440, OUTBOUND).exchange(EMAIL, 260, INBOUND);
        // The cardiologist running Kardia's pilot: a partner who has seen his work, exchanges every few weeks.
        n.person("sophie-laurent", "Sophie Laurent").origin(PARTNER).contexts(RelationContext.PARTNER).source(Source.EMAIL)
                .works("Cardiologue, investigatrice du pilote Kardia", "Centre Cardiologique du Nord", "Santé").at(PARIS)
                .every(VIDEO_CALL, 21, 240, 5).every(EMAIL, 14, 238, 3);
        n.person("matthias-krueger", "Matthias Krüger").origin(OTHER)
                .works("Chefarzt Kardiologie", "Klinikum Berlin-Mitte", "Santé").at(BERLIN);

        // Audiences: a health influencer (likes only), a journalist, a Berlin community, a London podcast.
        n.person("yasmine-benslimane", "Yasmine Benslimane").origin(ONLINE).tags("santé connectée", "vulgarisation", "digital health")
                .works("Médecin et créatrice de contenu santé", "Docteur Yasmine", "Digital media").at(PARIS)
                .reaction(330).reaction(270).reaction(210).reaction(150).reaction(90).reaction(30);
        n.person("laurent-michaud", "Laurent Michaud").origin(ONLINE).tags("journaliste", "digital health", "e-santé")
                .works("Journaliste santé numérique", "Santé Numérique Hebdo", "Media").at(PARIS)
                .reaction(200);
        n.person("hannah-schmidt", "Hannah Schmidt").origin(EVENT).tags("digital health", "community", "events")
                .works("Organizer, Digital Health Berlin Meetup", "Digital Health Berlin", "Community").at(BERLIN)
                .event(450).every(PUBLIC_COMMENT, 75, 420, 30);
        n.person("priya-raman", "Priya Raman").origin(ONLINE).tags("podcast", "digital health", "medtech")
                .works("Host of the HealthTech Unplugged podcast", "HealthTech Unplugged", "Digital media").at(LONDON)
                .comment(90, OUTBOUND).comment(88, INBOUND);

        // A health-tech recruiter; a clinic's IT director met last week and called yesterday.
        n.person("aline-perret", "Aline Perret").origin(ONLINE)
                .works("Recruiter, health tech and medtech", "MedTalents", "Recrutement").at(PARIS)
                .exchange(PRIVATE_MESSAGE, 400, INBOUND).call(395, OUTBOUND);
        n.person("romain-gillet", "Romain Gillet").origin(EVENT)
                .works("Directeur des systèmes d'information", "Clinique des Peupliers", "Santé").at(PARIS)
                .meeting(6).call(1, OUTBOUND);

        n.knows("klaus-hoffmann", "matthias-krueger", "nathalie-perrot", "julia-hoffmann", "catherine-hoffmann");
        n.knows("catherine-hoffmann", "julia-hoffmann");
        n.knows("maxime-leclerc", "nathalie-perrot", "karine-lopez");
        n.knows("nathalie-perrot", "karine-lopez", "sophie-laurent");
        n.knows("jonas-weber", "tobias-klein", "julia-hoffmann");
        n.knows("stefan-braun", "matthias-krueger", "henrik-vogel", "hannah-schmidt");
        n.knows("henrik-vogel", "katrin-schulz", "ulrike-bauer", "hannah-schmidt");
        n.knows("camille-besnard", "emilie-durand", "philippe-garnier", "francois-aubry");
        n.knows("francois-aubry", "laurent-michaud", "olivier-duval");
        n.knows("olivier-duval", "sandrine-lebrun");
        n.knows("sebastien-morin", "romain-gillet", "benoit-lacroix");
        n.knows("emilie-durand", "philippe-garnier");
        n.knows("ulrike-bauer", "hannah-schmidt");

        // The comfortable circle: Paris pharma and strategy-consulting people, former colleagues and ESCP alumni.
        Background.add(n, 3_001L, 30, new Background.Pool("Paris pharma and consulting",
                Names.FRENCH_FIRST, Names.FRENCH_LAST,
                List.of(new Background.Job("Chef de produit marketing", "Laboratoires Servane", "Pharmacie"),
                        new Background.Job("Visiteuse médicale", "Laboratoires Servane", "Pharmacie"),
                        new Background.Job("Responsable formation", "Laboratoires Servane", "Pharmacie"),
                        new Background.Job("Consultant senior", "Altares Consulting", "Conseil en stratégie"),
                        new Background.Job("Manager", "Altares Consulting", "Conseil en stratégie"),
                        new Background.Job("Chef de projet communication", "Laboratoires Servane", "Pharmacie"),
                        new Background.Job("Key Account Manager", "Pharmavia", "Pharmacie"),
                        new Background.Job("Brand Manager", "Pharmavia", "Pharmacie"),
                        new Background.Job("Consultante", "Strat&Co", "Conseil en stratégie"),
                        new Background.Job("Responsable événementiel", "Pharmavia", "Pharmacie")),
                List.of(PARIS, PARIS, BOULOGNE, PARIS, LYON),
                List.of(FORMER_COLLEAGUE, SCHOOL, EVENT, ONLINE, FORMER_COLLEAGUE),
                List.of("ESCP Business School"),
                List.of("emilie-durand", "philippe-garnier", "benoit-lacroix"),
                true));
        // Friends of friends in Germany.
        Background.add(n, 3_002L, 10, new Background.Pool("Berlin circle",
                Names.GERMAN_FIRST, Names.GERMAN_LAST,
                List.of(new Background.Job("Marketing Manager", "Modehaus", "E-commerce"),
                        new Background.Job("Projektmanagerin", "Stadtwerke Berlin", "Energie"),
                        new Background.Job("Sales Manager", "Kiezkauf", "E-commerce"),
                        new Background.Job("Architekt", "Büro Lange", "Architektur"),
                        new Background.Job("Lehrerin", "Lycée français de Berlin", "Éducation"),
                        new Background.Job("Barista", "Kaffee Mitte", "Gastronomie")),
                List.of(BERLIN, BERLIN, HAMBURG, MUNICH),
                List.of(ONLINE, EVENT, OTHER, NEIGHBOUR),
                List.of(),
                List.of("jonas-weber", "julia-hoffmann"),
                true));
        Background.add(n, 3_003L, 8, new Background.Pool("elsewhere",
                Names.FRENCH_FIRST, Names.FRENCH_LAST,
                List.of(new Background.Job("Ingénieur ferroviaire", "Alstrail", "Transport ferroviaire"),
                        new Background.Job("Professeur d'histoire", "Lycée Henri-IV", "Éducation"),
                        new Background.Job("Chef cuisinier", "Bistrot Oberkampf", "Restauration"),
                        new Background.Job("Designer d'intérieur", "Studio Nef", "Design"),
                        new Background.Job("Ingénieure énergie", "Voltéo", "Énergie"),
                        new Background.Job("Urbaniste", "Ville de Bordeaux", "Administration publique")),
                List.of(BORDEAUX, LILLE, MARSEILLE, STRASBOURG, GENEVA, BRUSSELS),
                List.of(NEIGHBOUR, EVENT, ONLINE, OTHER, SCHOOL),
                List.of(),
                List.of(),
                false));
        return n.build();
    }

    /**
     * Business creation: every missing skill covered, by weak and dormant ties with that experience;
     * the people he has never spoken to (an angel, a Berlin lawyer, hospital cardiologists and
     * buyers) through someone who knows them, his father and his friend included for a named contact.
     */
    static Labels creationLabels() {
        return new Labels()
                .need("investors", "henrik-vogel", "julie-fabre", "thomas-roy", "mark-evans", "camille-besnard")
                .need("co-founder", "tobias-klein", "amelie-caron")
                .need("legal", "olivier-duval", "katrin-schulz")
                .need("finance", "sandrine-lebrun", "nathan-levy")
                .need("mentor", "francois-aubry", "ulrike-bauer", "philippe-garnier")
                .need("suppliers", "marco-bianchi", "julien-marchal")
                .need("first customers", "sophie-laurent", "nathalie-perrot", "karine-lopez", "stefan-braun", "matthias-krueger", "sebastien-morin")
                .relevant(2, "health VC partner in Berlin, met twice, e-mails both ways", "henrik-vogel")
                .relevant(2, "Bpifrance health-innovation officer, two-way exchanges", "julie-fabre")
                .relevant(2, "school mate, investment director at a VC: a dormant tie to reactivate", "thomas-roy")
                .relevant(2, "dormant former colleague, embedded medical software: a technical co-founder", "tobias-klein")
                .relevant(2, "school mate (closeness 4), ECG data scientist: a co-founder", "amelie-caron")
                .relevant(2, "health and startup lawyer, exchanged this year", "olivier-duval")
                .relevant(2, "startup accountant, exchanged three months ago", "sandrine-lebrun")
                .relevant(2, "health-tech founder who sold his company: a mentor", "francois-aubry")
                .relevant(2, "health accelerator mentor in Berlin, exchanged two months ago", "ulrike-bauer")
                .relevant(2, "ECG-sensor supplier, two-way exchanges", "marco-bianchi")
                .relevant(2, "head of digital health at a Berlin hospital: a first customer", "stefan-braun")
                .relevant(2, "the pilot's cardiologist: the first customer, and a reference for the next", "sophie-laurent")
                .relevant(2, "head of procurement at a clinic, dormant former colleague: a first customer", "sebastien-morin")
                .relevant(1, "VC partner in London, one e-mail five years ago", "mark-evans")
                .relevant(1, "MedTech regulatory lawyer in Berlin, cold", "katrin-schulz")
                .relevant(1, "health business angel, cold", "camille-besnard")
                .relevant(1, "head of cardiology at a Paris hospital, cold", "nathalie-perrot")
                .relevant(1, "head of procurement at a Paris hospital, cold", "karine-lopez")
                .relevant(1, "head of cardiology in Berlin, cold", "matthias-krueger")
                .relevant(1, "health-data hosting: a supplier (not a customer)", "julien-marchal")
                .relevant(1, "part-time CFO for health startups, likes only", "nathan-levy")
                .relevant(1, "former medical director: a mentor, dormant", "philippe-garnier")
                .relevant(1, "former colleague in market access: reimbursement know-how", "emilie-durand")
                .relevant(1, "his father, a retired cardiologist: precise advice only", "klaus-hoffmann")
                .relevant(1, "his friend, a surgeon at a target hospital: precise information only", "maxime-leclerc")
                .warmPath(2, "henrik-vogel", "katrin-schulz", "the VC introduces his portfolio's regulatory lawyer")
                .warmPath(2, "klaus-hoffmann", "nathalie-perrot", "father asked for one named contact: a cardiologist")
                .warmPath(2, "klaus-hoffmann", "matthias-krueger", "father asked for one named contact: a Berlin cardiologist")
                .warmPath(2, "maxime-leclerc", "nathalie-perrot", "friend asked for one named contact: his hospital's cardiologist")
                .warmPath(2, "maxime-leclerc", "karine-lopez", "friend asked for one named contact: his hospital's procurement")
                .warmPath(2, "stefan-braun", "matthias-krueger", "the hospital's digital lead introduces his head of cardiology")
                .warmPath(2, "sophie-laurent", "nathalie-perrot", "the pilot's cardiologist introduces a peer")
                .warmPath(2, "jonas-weber", "tobias-klein", "friend asked for one named contact: an embedded engineer")
                .warmPath(2, "emilie-durand", "camille-besnard", "former colleague introduces a health angel")
                .warmPath(2, "philippe-garnier", "camille-besnard", "former boss introduces a health angel")
                .warmPath(2, "francois-aubry", "camille-besnard", "mentor introduces a health angel")
                .never(COOL_DOWN_RULE, "romain-gillet");
    }

    /** The same targets as a job search in health tech: recruiters, founders, investors and insiders who know who hires; discreet. */
    static Labels jobSearchLabels() {
        return new Labels()
                .relevant(2, "health-tech recruiter, two-way exchanges", "aline-perret")
                .relevant(2, "health-tech founder: knows who hires", "francois-aubry")
                .relevant(2, "health VC partner: knows the portfolio's hiring", "henrik-vogel")
                .relevant(2, "accelerator mentor: knows the startups hiring in Berlin", "ulrike-bauer")
                .relevant(2, "dormant former colleague in medtech in Berlin", "tobias-klein")
                .relevant(1, "hospital digital lead in Berlin", "stefan-braun")
                .relevant(1, "pilot partner cardiologist: knows the field", "sophie-laurent")
                .relevant(1, "medtech sales manager", "marco-bianchi")
                .relevant(1, "digital-health community organiser in Berlin", "hannah-schmidt")
                .relevant(1, "health-data hosting business developer", "julien-marchal")
                .relevant(1, "Bpifrance health innovation: knows the funded startups", "julie-fabre")
                .relevant(1, "school mate, ECG data scientist", "amelie-caron")
                .relevant(1, "school mate, VC investment director", "thomas-roy")
                .relevant(1, "health angel, cold", "camille-besnard")
                .never("current colleague at Kardia Health: a job search stays discreet", "chloe-martin")
                .never(COOL_DOWN_RULE, "romain-gillet");
    }

    /** The same targets as prospecting: buyers of hospitals and clinics (not sellers), through people who know them. */
    static Labels prospectingLabels() {
        return new Labels()
                .relevant(2, "head of digital health at a Berlin hospital, two-way exchanges: a buyer", "stefan-braun")
                .relevant(2, "head of procurement at a clinic, dormant former colleague: reactivate", "sebastien-morin")
                .relevant(2, "pilot partner with two-way exchanges: a reference and referrals to peers", "sophie-laurent")
                .relevant(1, "head of procurement at a Paris hospital, cold", "karine-lopez")
                .relevant(1, "head of cardiology at a Paris hospital, cold", "nathalie-perrot")
                .relevant(1, "head of cardiology in Berlin, cold", "matthias-krueger")
                .relevant(1, "health-tech founder: introductions to buyers", "francois-aubry")
                .relevant(1, "health VC: introductions to the portfolio and hospitals", "henrik-vogel")
                .relevant(1, "accelerator mentor: introductions", "ulrike-bauer")
                .relevant(1, "friend, surgeon at a target hospital: a named contact only", "maxime-leclerc")
                .relevant(1, "father, retired cardiologist: a named contact only", "klaus-hoffmann")
                .warmPath(2, "maxime-leclerc", "karine-lopez", "friend asked for one named contact: procurement")
                .warmPath(2, "maxime-leclerc", "nathalie-perrot", "friend asked for one named contact: cardiology")
                .warmPath(2, "klaus-hoffmann", "nathalie-perrot", "father asked for one named contact")
                .warmPath(2, "klaus-hoffmann", "matthias-krueger", "father asked for one named contact")
                .warmPath(2, "stefan-braun", "matthias-krueger", "digital lead introduces his head of cardiology")
                .warmPath(2, "sophie-laurent", "nathalie-perrot", "the pilot's cardiologist introduces a peer")
                .never(COOL_DOWN_RULE, "romain-gillet");
    }

    /** E-reputation on digital health and remote cardiac monitoring: media, podcast, communities, an influencer. */
    static Labels reputationWithTopicsLabels() {
        return new Labels()
                .relevant(2, "doctor and health-content creator with a large audience", "yasmine-benslimane")
                .relevant(2, "digital-health journalist", "laurent-michaud")
                .relevant(2, "digital-health community in Berlin: another country's audience", "hannah-schmidt")
                .relevant(2, "health-tech podcast in London", "priya-raman")
                .relevant(1, "accelerator mentor with an audience", "ulrike-bauer")
                .relevant(1, "known health-tech founder", "francois-aubry")
                .relevant(1, "health VC partner", "henrik-vogel")
                .relevant(1, "hospital digital lead", "stefan-braun")
                .relevant(1, "his designer, who sees his work every day", "chloe-martin")
                .relevant(2, "pilot partner who has seen his work: a recommendation to cardiologists", "sophie-laurent")
                .warmPath(2, "francois-aubry", "laurent-michaud", "the founder introduces the journalist")
                .never(COOL_DOWN_RULE, "romain-gillet");
    }

    /** E-reputation without topics: audiences beyond the Paris pharma circle. */
    static Labels reputationWithoutTopicsLabels() {
        return new Labels()
                .relevant(2, "community in Berlin", "hannah-schmidt")
                .relevant(2, "podcast in London", "priya-raman")
                .relevant(2, "health-content creator", "yasmine-benslimane")
                .relevant(2, "journalist", "laurent-michaud")
                .relevant(1, "accelerator mentor", "ulrike-bauer")
                .relevant(1, "his designer, who sees his work", "chloe-martin")
                .relevant(1, "pilot partner: a recommendation", "sophie-laurent")
                .relevant(1, "known health-tech founder", "francois-aubry")
                .warmPath(1, "francois-aubry", "laurent-michaud", "the founder introduces the journalist")
                .never(COOL_DOWN_RULE, "romain-gillet");
    }
}
