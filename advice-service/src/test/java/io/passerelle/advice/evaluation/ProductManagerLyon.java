package io.passerelle.advice.evaluation;

import static io.passerelle.advice.evaluation.NetworkBuilder.YEAR;
import static io.passerelle.advice.evaluation.Places.GENEVA;
import static io.passerelle.advice.evaluation.Places.BORDEAUX;
import static io.passerelle.advice.evaluation.Places.BRUSSELS;
import static io.passerelle.advice.evaluation.Places.GRENOBLE;
import static io.passerelle.advice.evaluation.Places.LILLE;
import static io.passerelle.advice.evaluation.Places.LONDON;
import static io.passerelle.advice.evaluation.Places.LYON;
import static io.passerelle.advice.evaluation.Places.MARSEILLE;
import static io.passerelle.advice.evaluation.Places.MONTPELLIER;
import static io.passerelle.advice.evaluation.Places.NANTES;
import static io.passerelle.advice.evaluation.Places.PARIS;
import static io.passerelle.advice.evaluation.Places.SAINT_ETIENNE;
import static io.passerelle.advice.evaluation.Places.STRASBOURG;
import static io.passerelle.advice.evaluation.Places.TOULOUSE;
import static io.passerelle.advice.evaluation.Places.VALENCE;
import static io.passerelle.advice.evaluation.Places.VILLEURBANNE;
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
import static io.passerelle.contracts.model.Origin.NEIGHBOUR;
import static io.passerelle.contracts.model.Origin.ONLINE;
import static io.passerelle.contracts.model.Origin.OTHER;
import static io.passerelle.contracts.model.Origin.PARTNER;
import static io.passerelle.contracts.model.Origin.SCHOOL;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.Source;
import java.time.Instant;
import java.util.List;

/**
 * Claire Vasseur, product manager at Maisonéo (home furnishing e-commerce, Lyon) for four years,
 * before that Logitrak (logistics software, 2016-2022) and Pixelia (web agency, 2013-2016); INSA
 * Lyon then emlyon. She wants to move into fintech, as a product manager or head of product, in
 * Lyon or Paris, and would love Lumio Banque (a Lyon neobank, where her brother works) or Trésorly
 * (treasury software for small firms, where a close friend works). Her employer must not know.
 */
final class ProductManagerLyon {
    static final String OWNER = "Claire Vasseur (product manager, Lyon, into fintech)";

    static final Objective.Targets JOB_TARGETS = new Objective.Targets(
            List.of("Fintech"),
            List.of("Product Manager", "Head of Product"),
            List.of("Lumio Banque", "Trésorly"),
            List.of("Lyon", "Paris"),
            List.of(), List.of(), List.of());

    private static final String COLLEAGUE_RULE = "current colleague at Maisonéo: a job search stays discreet";
    private static final String COOL_DOWN_RULE = "cool-down: the owner called her yesterday";

    private ProductManagerLyon() {
    }

    static EvaluationOwner create(Instant now) {
        Network network = network(now);
        Objective job = EvaluationRun.objective(network, "claire-job-fintech", ObjectiveType.JOB_SEARCH, JOB_TARGETS);
        Objective prospecting = EvaluationRun.objective(network, "claire-same-targets-prospecting", ObjectiveType.COMMERCIAL_PROSPECTING, JOB_TARGETS);
        Objective creation = EvaluationRun.objective(network, "claire-same-targets-creation", ObjectiveType.BUSINESS_CREATION, JOB_TARGETS);
        Objective reputationTopics = EvaluationRun.objective(network, "claire-reputation-topics", ObjectiveType.E_REPUTATION,
                new Objective.Targets(null, null, null, null, null, List.of("product management", "open banking", "fintech"), null));
        Objective reputationOpen = EvaluationRun.objective(network, "claire-reputation-open", ObjectiveType.E_REPUTATION, Objective.Targets.NONE);
        return new EvaluationOwner(OWNER, network, List.of(
                new EvaluationRun(OWNER, "JOB_SEARCH, fintech PM (her objective)", network, job, jobSearchLabels(), true),
                new EvaluationRun(OWNER, "COMMERCIAL_PROSPECTING, same targets", network, prospecting, prospectingLabels(), true),
                new EvaluationRun(OWNER, "BUSINESS_CREATION, same targets", network, creation, creationLabels(), true),
                new EvaluationRun(OWNER, "E_REPUTATION with topics", network, reputationTopics, reputationWithTopicsLabels(), false),
                new EvaluationRun(OWNER, "E_REPUTATION without topics", network, reputationOpen, reputationWithoutTopicsLabels(), false)));
    }

    static Network network(Instant now) {
        NetworkBuilder n = new NetworkBuilder("claire-vasseur", now);
        n.owner(new OwnerProfile("Claire Vasseur", "E-commerce", "Product Manager", "Maisonéo",
                List.of("Logitrak", "Pixelia"), List.of("INSA Lyon", "emlyon business school"), LYON,
                List.of("product discovery", "UX research", "e-commerce"), "fr", false));

        // Family and close friends: strong, frequent. Her brother and a close friend work at her two target companies.
        n.person("martine-vasseur", "Martine Vasseur").origin(FAMILY).source(Source.PHONE).closeness(5)
                .works("Professeure des écoles retraitée", null, "Éducation").at(LYON)
                .every(CALL, 7, 3 * YEAR, 3).every(MEETING, 30, 3 * YEAR, 12);
        n.person("julien-vasseur", "Julien Vasseur").origin(FAMILY).source(Source.PHONE).closeness(5)
                .works("Data Analyst", "Lumio Banque", "Fintech").at(LYON)
                .every(PRIVATE_MESSAGE, 5, 2 * YEAR, 2).every(MEETING, 45, 3 * YEAR, 20);
        n.person("nicolas-vasseur", "Nicolas Vasseur").origin(FAMILY).source(Source.PHONE).closeness(3)
                .works("Arboriculteur", "Vergers Vasseur", "Agriculture").at(VALENCE)
                .every(CALL, 120, 4 * YEAR, 40);
        n.person("lea-fontaine", "Léa Fontaine").origin(FRIEND).source(Source.PHONE).closeness(5)
                .works("Infirmière", "Hospices Civils de Lyon", "Santé").at(LYON)
                .every(PRIVATE_MESSAGE, 4, 2 * YEAR, 1).every(MEETING, 20, 3 * YEAR, 6);
        n.person("hugo-bernard", "Hugo Bernard").origin(FRIEND).source(Source.PHONE).closeness(4).schools("INSA Lyon")
                .works("Engineering Manager", "Trésorly", "Fintech").at(LYON)
                .every(PRIVATE_MESSAGE, 10, 2 * YEAR, 5).every(MEETING, 60, 3 * YEAR, 25);
        n.person("sarah-cohen", "Sarah Cohen").origin(FRIEND).source(Source.PHONE).closeness(4)
                .works("Architecte", "Atelier Cohen", "Architecture").at(VILLEURBANNE)
                .every(PRIVATE_MESSAGE, 14, 2 * YEAR, 8).every(MEETING, 60, 3 * YEAR, 30);

        // Current colleagues at Maisonéo: the CPO (a head of product!), a recruiter, an ex-Lumio data lead.
        n.person("marion-petit", "Marion Petit").origin(COLLEAGUE).contexts(RelationContext.INTRA_COMPANY).source(Source.EMAIL)
                .works("Chief Product Officer", "Maisonéo", "E-commerce").at(LYON)
                .every(MEETING, 7, 2 * YEAR, 2).every(PRIVATE_MESSAGE, 3, 2 * YEAR - 1, 1);
        n.person("kevin-morel", "Kevin Morel").origin(COLLEAGUE).contexts(RelationContext.INTRA_COMPANY).source(Source.EMAIL)
                .works("Tech Lead", "Maisonéo", "E-commerce").at(LYON)
                .every(MEETING, 7, 2 * YEAR, 3).every(PRIVATE_MESSAGE, 4, 2 * YEAR - 2, 1);
        n.person("amandine-roux", "Amandine Roux").origin(COLLEAGUE).contexts(RelationContext.INTRA_COMPANY).source(Source.EMAIL)
                .works("UX Designer", "Maisonéo", "E-commerce").at(LYON)
                .every(MEETING, 7, 500, 2).every(PRIVATE_MESSAGE, 5, 498, 1);
        n.person("baptiste-lambert", "Baptiste Lambert").origin(COLLEAGUE).contexts(RelationContext.INTRA_COMPANY).source(Source.EMAIL)
                .works("Head of Data", "Maisonéo", "E-commerce").past("Lumio Banque").at(LYON)
                .every(MEETING, 14, 400, 4).every(PRIVATE_MESSAGE, 9, 398, 2);
        n.person("elodie-garnier", "Élodie Garnier").origin(COLLEAGUE).contexts(RelationContext.INTRA_COMPANY).source(Source.EMAIL)
                .works("Talent Acquisition Manager", "Maisonéo", "E-commerce").at(LYON)
                .every(MEETING, 30, 2 * YEAR, 9).every(PRIVATE_MESSAGE, 20, 2 * YEAR - 5, 6);
        n.person("quentin-fabre", "Quentin Fabre").origin(COLLEAGUE).contexts(RelationContext.INTRA_COMPANY).source(Source.EMAIL)
                .works("Product Manager", "Maisonéo", "E-commerce").at(LYON)
                .every(MEETING, 7, 300, 2).every(PRIVATE_MESSAGE, 4, 298, 1);

        // Former colleagues: strong for years, silent for three to six.
        n.person("romain-chevalier", "Romain Chevalier").origin(FORMER_COLLEAGUE).closeness(3).connectedDaysAgo(9 * YEAR)
                .works("Head of Product", "Kalypso Pay", "Fintech").past("Logitrak").at(PARIS)
                .workedTogether(3650, 2250).exchange(PRIVATE_MESSAGE, 2000, OUTBOUND).message(1900, INBOUND);
        n.person("nadia-benali", "Nadia Benali").origin(FORMER_COLLEAGUE).closeness(3).connectedDaysAgo(8 * YEAR)
                .works("Product Manager", "Lumio Banque", "Fintech").past("Logitrak").at(LYON)
                .workedTogether(3000, 1800).exchange(PRIVATE_MESSAGE, 1500, INBOUND).meeting(1400).message(1300, OUTBOUND);
        n.person("isabelle-moreau", "Isabelle Moreau").origin(FORMER_COLLEAGUE).closeness(3)
                .works("Directrice des opérations", "Logitrak", "Logistique").at(LYON)
                .workedTogether(3600, 1600).exchange(EMAIL, 1450, OUTBOUND);
        n.person("pierre-dumas", "Pierre Dumas").origin(FORMER_COLLEAGUE)
                .works("Chef cuisinier", "Le Bouchon des Canuts", "Restauration").past("Pixelia").at(LYON)
                .workedTogether(4700, 3700).exchange(PRIVATE_MESSAGE, 1800, OUTBOUND);
        n.person("florian-masson", "Florian Masson").origin(FORMER_COLLEAGUE)
                .works("Engineering Manager", "Tikéo", "Fintech").past("Pixelia").at(MONTPELLIER)
                .workedTogether(4700, 3700).exchange(PRIVATE_MESSAGE, 1550, INBOUND);
        // Silent for four years; liked one of her posts yesterday (a like does not wake a dormant tie).
        n.person("paul-riviere", "Paul Rivière").origin(FORMER_COLLEAGUE)
                .works("Product Manager", "Trésorly", "Fintech").past("Pixelia").at(PARIS)
                .workedTogether(4500, 3700).exchange(PRIVATE_MESSAGE, 1460, OUTBOUND).reaction(1);

        // School mates: connected for years, no exchange ever logged.
        n.person("mathilde-perrin", "Mathilde Perrin").origin(SCHOOL).closeness(4).schools("emlyon business school").connectedDaysAgo(11 * YEAR)
                .works("Senior Product Manager, paiements", "Kalypso Pay", "Fintech").at(PARIS);
        n.person("guillaume-renard", "Guillaume Renard").origin(SCHOOL).closeness(4).schools("INSA Lyon").connectedDaysAgo(13 * YEAR)
                .works("Data Engineer", "Aérolia Systèmes", "Aéronautique").at(TOULOUSE);
        n.person("chloe-lemoine", "Chloé Lemoine").origin(SCHOOL).closeness(2).schools("emlyon business school").connectedDaysAgo(11 * YEAR)
                .works("Talent Acquisition Manager", "Lumio Banque", "Fintech").at(LYON);
        n.person("maxime-faure", "Maxime Faure").origin(SCHOOL).closeness(1).schools("emlyon business school").connectedDaysAgo(11 * YEAR)
                .works("Chef de produit marketing", "Lumière Cosmétiques", "Cosmétique").at(PARIS);

        // Recruiters: one real exchange, one who only likes, one she called yesterday.
        n.person("sandrine-aubert", "Sandrine Aubert").origin(ONLINE).tags("fintech", "product management")
                .works("Consultante en recrutement Product & Tech", "Talentis Conseil", "Recrutement").at(LYON)
                .message(250, INBOUND).message(248, OUTBOUND).call(235, OUTBOUND).message(120, INBOUND);
        n.person("yanis-haddad", "Yanis Haddad").origin(ONLINE)
                .works("Recruteur Product Management", "Product People", "Recrutement").at(PARIS)
                .reaction(330).reaction(280).reaction(200).reaction(150).reaction(90).reaction(40);
        n.person("aurelie-blanc", "Aurélie Blanc").origin(ONLINE).tags("fintech")
                .works("Recruteuse tech et produit", "Fintalent", "Recrutement").at(PARIS)
                .message(5, INBOUND).message(4, OUTBOUND).call(1, OUTBOUND);

        // Decision makers at the target companies: connected, never talked to, known by someone she knows.
        n.person("antoine-lefevre", "Antoine Lefèvre").origin(OTHER).connectedDaysAgo(150)
                .works("Head of Product", "Trésorly", "Fintech").at(PARIS);
        n.person("sophie-marchand", "Sophie Marchand").origin(OTHER).connectedDaysAgo(400)
                .works("VP Product", "Lumio Banque", "Fintech").at(LYON);
        n.person("eric-vidal", "Éric Vidal").origin(ONLINE).connectedDaysAgo(600)
                .works("CEO et cofondateur", "Lumio Banque", "Fintech").at(LYON);
        n.person("caroline-dubois", "Caroline Dubois").origin(OTHER)
                .works("Directrice administrative et financière", "Trésorly", "Fintech").at(PARIS);
        n.person("thierry-gauthier", "Thierry Gauthier").origin(OTHER)
                .works("Responsable des achats", "Lumio Banque", "Fintech").at(LYON);
        n.person("marc-delorme", "Marc Delorme").origin(OTHER)
                .works("Talent Partner", "Trésorly", "Fintech").at(PARIS);

        // Fintech insiders: moderately weak ties, some reciprocated, some only public.
        n.person("olivier-mercier", "Olivier Mercier").origin(EVENT).tags("open banking")
                .works("Product Owner", "Lumio Banque", "Fintech").at(LYON)
                .event(430).exchange(PRIVATE_MESSAGE, 420, OUTBOUND).exchange(PRIVATE_MESSAGE, 300, INBOUND)
                .comment(180, INBOUND).comment(90, OUTBOUND);
        n.person("ines-garcia", "Inès Garcia").origin(ONLINE)
                .works("Product Designer", "Kalypso Pay", "Fintech").at(PARIS)
                .every(PUBLIC_COMMENT, 60, 540, 30);
        n.person("david-nguyen", "David Nguyen").origin(EVENT)
                .works("Head of Product", "Monetica", "Fintech").at(PARIS)
                .event(640).exchange(EMAIL, 630, OUTBOUND).meeting(600);
        // One e-mail, five years ago.
        n.person("laure-besson", "Laure Besson").origin(ONLINE)
                .works("Chief Product Officer", "Finaxys", "Fintech").at(NANTES)
                .email(5 * YEAR + 5, OUTBOUND);
        // Maisonéo's payment provider: a real business relation, two-way every month or two.
        n.person("karim-belkacem", "Karim Belkacem").origin(PARTNER).contexts(RelationContext.PARTNER).source(Source.EMAIL)
                .works("Account Manager grands comptes", "Payvoie", "Fintech").at(PARIS)
                .every(EMAIL, 45, 2 * YEAR, 15).every(VIDEO_CALL, 120, 2 * YEAR - 10, 30);
        n.person("fabrice-lenoir", "Fabrice Lenoir").origin(EVENT).tags("fintech", "business angel")
                .works("Business angel, ancien fondateur de Cashlane", "Lenoir Invest", "Capital-investissement").at(LYON)
                .event(560).meeting(540).email(530, INBOUND);

        // Look-alike traps: a bank adviser (banking is not fintech), product heads in other sectors.
        n.person("benoit-carre", "Benoît Carré").origin(NEIGHBOUR)
                .works("Conseiller clientèle particuliers", "Banque Rhône-Alpes Mutualiste", "Banque").at(LYON)
                .every(MEETING, 90, 3 * YEAR, 20);
        n.person("ana-costa", "Ana Costa").origin(EVENT)
                .works("Product Manager", "Medicalia", "Santé numérique").at(PARIS)
                .event(330).exchange(PRIVATE_MESSAGE, 320, INBOUND);
        n.person("vincent-robin", "Vincent Robin").origin(ONLINE)
                .works("Head of Product", "Voyagio", "Tourisme").at(LYON)
                .reaction(200).reaction(60);

        // Audiences she does not reach yet: a community organiser, a journalist, a newsletter, a podcast, students.
        n.person("lucie-martin", "Lucie Martin").origin(EVENT).tags("communauté", "événements", "fintech", "open banking")
                .works("Organisatrice du Lyon Fintech Meetup", "Lyon Tech Hub", "Écosystème startup").at(LYON)
                .event(430).exchange(PRIVATE_MESSAGE, 200, OUTBOUND).every(PUBLIC_COMMENT, 90, 400, 40);
        n.person("stephane-leroy", "Stéphane Leroy").origin(ONLINE).tags("journaliste", "fintech", "open banking")
                .works("Journaliste fintech", "FinScope", "Media").at(PARIS)
                .reaction(100);
        n.person("emma-wilson", "Emma Wilson").origin(ONLINE).tags("newsletter", "product management")
                .works("Author of the Product Notes newsletter", "Product Notes", "Digital media").at(LONDON)
                .every(PUBLIC_COMMENT, 45, 360, 20);
        n.person("rachid-amrani", "Rachid Amrani").origin(ONLINE).tags("podcast", "product management")
                .works("Animateur du Podcast Produit", "Le Podcast Produit", "Digital media").at(PARIS)
                .reaction(30);
        n.person("helene-prevost", "Hélène Prévost").origin(EVENT).tags("enseignement", "conférences")
                .works("Maîtresse de conférences en management de l'innovation", "Université Jean Moulin Lyon 3", "Enseignement supérieur").at(LYON)
                .exchange(EMAIL, 500, INBOUND).meeting(480).email(470, INBOUND);

        // Who knows whom.
        n.knows("martine-vasseur", "julien-vasseur", "nicolas-vasseur");
        n.knows("julien-vasseur", "nicolas-vasseur", "sophie-marchand", "olivier-mercier", "thierry-gauthier", "chloe-lemoine");
        n.knows("lea-fontaine", "sarah-cohen", "hugo-bernard");
        n.knows("hugo-bernard", "sarah-cohen", "antoine-lefevre", "caroline-dubois", "paul-riviere", "marc-delorme");
        n.knows("nadia-benali", "sophie-marchand", "olivier-mercier", "thierry-gauthier", "chloe-lemoine", "isabelle-moreau", "romain-chevalier");
        n.knows("sophie-marchand", "eric-vidal", "thierry-gauthier", "olivier-mercier", "chloe-lemoine");
        n.knows("eric-vidal", "thierry-gauthier");
        n.knows("antoine-lefevre", "caroline-dubois", "paul-riviere", "marc-delorme");
        n.knows("paul-riviere", "marc-delorme", "pierre-dumas", "florian-masson");
        n.knows("romain-chevalier", "mathilde-perrin", "ines-garcia", "isabelle-moreau");
        n.knows("mathilde-perrin", "ines-garcia");
        n.knows("olivier-mercier", "sandrine-aubert", "lucie-martin", "fabrice-lenoir", "thierry-gauthier");
        n.knows("lucie-martin", "fabrice-lenoir", "david-nguyen");
        n.knows("david-nguyen", "stephane-leroy");
        List<String> maisoneo = List.of("marion-petit", "kevin-morel", "amandine-roux", "baptiste-lambert", "elodie-garnier", "quentin-fabre");
        for (int i = 0; i < maisoneo.size(); i++) {
            for (int j = i + 1; j < maisoneo.size(); j++) {
                n.knows(maisoneo.get(i), maisoneo.get(j));
            }
        }
        n.knows("karim-belkacem", "marion-petit", "baptiste-lambert");

        // The comfortable circle: e-commerce product people around Lyon, who know each other and her colleagues.
        Background.add(n, 1_001L, 28, new Background.Pool("Lyon e-commerce product people",
                Names.FRENCH_FIRST, Names.FRENCH_LAST,
                List.of(new Background.Job("Product Owner", "Modalyon", "E-commerce"),
                        new Background.Job("UX Designer", "Vélonova", "E-commerce"),
                        new Background.Job("Développeuse front-end", "Panier Frais", "E-commerce"),
                        new Background.Job("Responsable e-commerce", "Cuisines Ardent", "Commerce de détail"),
                        new Background.Job("Data Analyst", "Sportika", "E-commerce"),
                        new Background.Job("Growth Marketer", "Atelier Canut", "E-commerce"),
                        new Background.Job("UX Researcher", "Kiosque Malin", "E-commerce"),
                        new Background.Job("Scrum Master", "Rhône Retail", "Commerce de détail"),
                        new Background.Job("Product Designer", "Modalyon", "E-commerce"),
                        new Background.Job("Développeur back-end", "Vélonova", "E-commerce"),
                        new Background.Job("Cheffe de projet digital", "Logitrak", "Logistique"),
                        new Background.Job("Product Manager", "Panier Frais", "E-commerce")),
                List.of(LYON, LYON, VILLEURBANNE, GRENOBLE, SAINT_ETIENNE),
                List.of(ONLINE, EVENT, ONLINE, SCHOOL, OTHER),
                List.of("INSA Lyon", "emlyon business school"),
                List.of("marion-petit", "kevin-morel", "amandine-roux", "quentin-fabre", "isabelle-moreau"),
                true));
        // Other sectors and regions, scattered.
        Background.add(n, 1_002L, 14, new Background.Pool("elsewhere",
                Names.FRENCH_FIRST, Names.FRENCH_LAST,
                List.of(new Background.Job("Ingénieure process", "Nordplast", "Plasturgie"),
                        new Background.Job("Pharmacien d'officine", "Pharmacie du Vieux-Port", "Pharmacie"),
                        new Background.Job("Professeur de physique-chimie", "Lycée Montaigne", "Éducation"),
                        new Background.Job("Chargée de communication", "Mairie de Villeurbanne", "Administration publique"),
                        new Background.Job("Kinésithérapeute", "Cabinet Kiné Croix-Rousse", "Santé"),
                        new Background.Job("Ingénieur structures", "Alpes Génie Civil", "BTP"),
                        new Background.Job("Œnologue", "Domaine des Coteaux", "Viticulture"),
                        new Background.Job("Photographe", "Studio Lumière", "Arts visuels"),
                        new Background.Job("Ingénieure agronome", "Coopérative Dauphinoise", "Agriculture"),
                        new Background.Job("Responsable logistique", "Transports Delmas", "Transport"),
                        new Background.Job("Infirmier", "Clinique du Parc", "Santé"),
                        new Background.Job("Chef de chantier", "Bâtir Sud", "BTP")),
                List.of(LILLE, MARSEILLE, BORDEAUX, STRASBOURG, NANTES, TOULOUSE, GENEVA, BRUSSELS, LYON),
                List.of(NEIGHBOUR, EVENT, ONLINE, OTHER, SCHOOL),
                List.of("INSA Lyon"),
                List.of(),
                false));
        return n.build();
    }

    /**
     * Job search: insiders of fintech, people in the target roles, recruiters who know the field;
     * dormant former colleagues and school mates now in fintech are reactivated; the decision makers
     * she has never spoken to are best reached through someone who knows them, her brother and her
     * friend included (a named contact is a light request).
     */
    static Labels jobSearchLabels() {
        return new Labels()
                .relevant(2, "dormant former colleague, now PM at a target company", "nadia-benali")
                .relevant(2, "dormant former colleague, now head of product in fintech in Paris", "romain-chevalier")
                .relevant(2, "school mate (closeness 4), senior PM in payments in Paris: a dormant tie to reactivate", "mathilde-perrin")
                .relevant(2, "dormant former colleague, PM at a target company (yesterday's like changes nothing)", "paul-riviere")
                .relevant(2, "weak tie, product owner at a target company, reciprocated exchanges", "olivier-mercier")
                .relevant(2, "head of product in fintech in Paris, met and exchanged within two years", "david-nguyen")
                .relevant(2, "recruiter specialised in fintech product roles, two-way exchanges", "sandrine-aubert")
                .relevant(2, "school mate, talent acquisition at a target company", "chloe-lemoine")
                .relevant(1, "fintech account manager with two-way exchanges (through her current job: some care)", "karim-belkacem")
                .relevant(1, "fintech product designer at Kalypso Pay, public comments only", "ines-garcia")
                .relevant(1, "CPO in fintech, but Nantes and one e-mail five years ago", "laure-besson")
                .relevant(1, "fintech engineering manager, dormant, Montpellier", "florian-masson")
                .relevant(1, "product recruiter in Paris who likes her posts", "yanis-haddad")
                .relevant(1, "head of product at a target company, cold", "antoine-lefevre")
                .relevant(1, "VP product at a target company, cold", "sophie-marchand")
                .relevant(1, "talent partner at a target company, cold", "marc-delorme")
                .relevant(1, "former fintech founder and angel in Lyon, knows who hires", "fabrice-lenoir")
                .relevant(1, "organiser of the Lyon fintech meetup", "lucie-martin")
                .relevant(1, "her friend works at Trésorly: precise information only", "hugo-bernard")
                .relevant(1, "her brother works at Lumio Banque: precise information only", "julien-vasseur")
                .warmPath(2, "julien-vasseur", "sophie-marchand", "brother asked for one named contact: the VP Product")
                .warmPath(2, "nadia-benali", "sophie-marchand", "former colleague at Lumio introduces her VP Product")
                .warmPath(2, "olivier-mercier", "sophie-marchand", "product owner introduces his VP Product")
                .warmPath(1, "chloe-lemoine", "sophie-marchand", "the recruiting school mate introduces the VP Product")
                .warmPath(2, "hugo-bernard", "antoine-lefevre", "friend asked for one named contact: Trésorly's head of product")
                .warmPath(1, "paul-riviere", "antoine-lefevre", "former colleague introduces his head of product")
                .warmPath(2, "hugo-bernard", "marc-delorme", "friend introduces Trésorly's talent partner")
                .warmPath(1, "paul-riviere", "marc-delorme", "former colleague introduces Trésorly's talent partner")
                .never(COLLEAGUE_RULE, "marion-petit", "kevin-morel", "amandine-roux", "baptiste-lambert", "elodie-garnier", "quentin-fabre")
                .never(COOL_DOWN_RULE, "aurelie-blanc");
    }

    /**
     * The same targets as a prospect list: decision makers at Lumio Banque and Trésorly (CEO, CFO,
     * procurement, product heads), best reached through people who know them; fintech people with
     * whom she has a real business relation can refer her.
     */
    static Labels prospectingLabels() {
        return new Labels()
                .relevant(2, "fintech payment provider with two-way business exchanges: a referral source", "karim-belkacem")
                .relevant(2, "head of product in fintech, reciprocated within two years", "david-nguyen")
                .relevant(1, "VP product at a target company, cold", "sophie-marchand")
                .relevant(1, "head of product at a target company, cold", "antoine-lefevre")
                .relevant(1, "CEO of a target company, cold", "eric-vidal")
                .relevant(1, "CFO of a target company, cold", "caroline-dubois")
                .relevant(1, "head of procurement at a target company, cold", "thierry-gauthier")
                .relevant(1, "head of product in fintech, dormant", "romain-chevalier")
                .relevant(1, "product owner at a target company", "olivier-mercier")
                .relevant(1, "PM at a target company, dormant", "paul-riviere")
                .relevant(1, "senior PM in payments, school mate", "mathilde-perrin")
                .relevant(1, "fintech angel, well connected in Lyon", "fabrice-lenoir")
                .relevant(1, "fintech community organiser", "lucie-martin")
                .warmPath(2, "julien-vasseur", "sophie-marchand", "brother asked for one named contact")
                .warmPath(2, "nadia-benali", "sophie-marchand", "former colleague at the prospect")
                .warmPath(2, "olivier-mercier", "sophie-marchand", "insider at the prospect")
                .warmPath(2, "hugo-bernard", "antoine-lefevre", "friend asked for one named contact")
                .warmPath(2, "hugo-bernard", "caroline-dubois", "friend asked for one named contact: the CFO")
                .warmPath(2, "olivier-mercier", "thierry-gauthier", "insider introduces the head of procurement")
                .warmPath(2, "nadia-benali", "thierry-gauthier", "former colleague introduces the head of procurement")
                .warmPath(2, "julien-vasseur", "thierry-gauthier", "brother asked for one named contact: procurement")
                .never(COOL_DOWN_RULE, "aurelie-blanc");
    }

    /** The same targets as a venture: fintech founders, investors, product and engineering people who could join. */
    static Labels creationLabels() {
        return new Labels()
                .relevant(2, "former fintech founder and business angel, met within two years", "fabrice-lenoir")
                .relevant(2, "payment provider: the first supplier of a fintech, two-way relation", "karim-belkacem")
                .relevant(1, "head of product in fintech: adviser or co-founder", "david-nguyen")
                .relevant(1, "dormant former colleague, head of product in fintech", "romain-chevalier")
                .relevant(1, "fintech engineering manager, dormant: a technical co-founder profile", "florian-masson")
                .relevant(1, "fintech community organiser", "lucie-martin")
                .relevant(1, "CPO in fintech", "laure-besson")
                .relevant(1, "PM in fintech, dormant", "nadia-benali")
                .relevant(1, "senior PM in payments, school mate", "mathilde-perrin")
                .relevant(1, "product owner in fintech", "olivier-mercier")
                .relevant(1, "friend, engineering manager in fintech: precise information only", "hugo-bernard")
                .never(COOL_DOWN_RULE, "aurelie-blanc");
    }

    /** E-reputation on her topics: journalists, newsletters, podcasts and communities of product and fintech. */
    static Labels reputationWithTopicsLabels() {
        return new Labels()
                .relevant(2, "fintech journalist writing on open banking", "stephane-leroy")
                .relevant(2, "product-management newsletter with a UK audience", "emma-wilson")
                .relevant(2, "product-management podcast", "rachid-amrani")
                .relevant(2, "organiser of the Lyon fintech meetup", "lucie-martin")
                .relevant(1, "lecturer: a student audience", "helene-prevost")
                .relevant(1, "fintech product designer who comments her posts", "ines-garcia")
                .relevant(1, "business partner who has seen her work, two-way exchanges: a recommendation", "karim-belkacem")
                .relevant(1, "head of product in fintech with an audience", "david-nguyen")
                .relevant(1, "fintech angel, known in the Lyon ecosystem", "fabrice-lenoir")
                .relevant(1, "CPO in fintech", "laure-besson")
                .never(COOL_DOWN_RULE, "aurelie-blanc");
    }

    /** E-reputation without topics: reach into audiences she does not touch (media, other countries, students). */
    static Labels reputationWithoutTopicsLabels() {
        return new Labels()
                .relevant(2, "newsletter with a UK audience", "emma-wilson")
                .relevant(2, "podcast audience", "rachid-amrani")
                .relevant(2, "lecturer: students, another audience", "helene-prevost")
                .relevant(2, "journalist: a press audience", "stephane-leroy")
                .relevant(1, "community organiser", "lucie-martin")
                .relevant(1, "business partner who has seen her work: a recommendation", "karim-belkacem")
                .relevant(1, "commenter from another company and city", "ines-garcia")
                .never(COOL_DOWN_RULE, "aurelie-blanc");
    }
}
