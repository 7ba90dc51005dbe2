package io.passerelle.advice.evaluation;

import static io.passerelle.advice.evaluation.NetworkBuilder.YEAR;
import static io.passerelle.advice.evaluation.Places.BESANCON;
import static io.passerelle.advice.evaluation.Places.BORDEAUX;
import static io.passerelle.advice.evaluation.Places.BREST;
import static io.passerelle.advice.evaluation.Places.CESSON_SEVIGNE;
import static io.passerelle.advice.evaluation.Places.DOUARNENEZ;
import static io.passerelle.advice.evaluation.Places.LANDERNEAU;
import static io.passerelle.advice.evaluation.Places.LANNION;
import static io.passerelle.advice.evaluation.Places.LILLE;
import static io.passerelle.advice.evaluation.Places.LORIENT;
import static io.passerelle.advice.evaluation.Places.LYON;
import static io.passerelle.advice.evaluation.Places.MONTREAL;
import static io.passerelle.advice.evaluation.Places.MORLAIX;
import static io.passerelle.advice.evaluation.Places.NANTES;
import static io.passerelle.advice.evaluation.Places.PARIS;
import static io.passerelle.advice.evaluation.Places.PLOUVIEN;
import static io.passerelle.advice.evaluation.Places.PONTIVY;
import static io.passerelle.advice.evaluation.Places.QUIMPER;
import static io.passerelle.advice.evaluation.Places.RENNES;
import static io.passerelle.advice.evaluation.Places.SAINT_BRIEUC;
import static io.passerelle.advice.evaluation.Places.SAINT_MALO;
import static io.passerelle.advice.evaluation.Places.VANNES;
import static io.passerelle.contracts.model.Channel.CALL;
import static io.passerelle.contracts.model.Channel.EMAIL;
import static io.passerelle.contracts.model.Channel.MEETING;
import static io.passerelle.contracts.model.Channel.PRIVATE_MESSAGE;
import static io.passerelle.contracts.model.Channel.PUBLIC_COMMENT;
import static io.passerelle.contracts.model.Direction.INBOUND;
import static io.passerelle.contracts.model.Direction.OUTBOUND;
import static io.passerelle.contracts.model.Origin.CLIENT;
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
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.Source;
import java.time.Instant;
import java.util.List;

/**
 * Yann Le Goff, independent consultant in organisation and digital transformation for small and
 * mid-sized firms, in Rennes since 2021; before that Sopralis Conseil (Nantes, 2017-2021) and
 * Armor Industrie (Lorient, 2010-2017); Rennes School of Business, IUT de Lannion. He prospects
 * food-processing, manufacturing and building firms of Brittany, their managing directors, CFOs and
 * heads of procurement, from Rennes to Brest. His brother runs a building firm in Brest.
 */
final class ConsultantBrittany {
    static final String OWNER = "Yann Le Goff (freelance consultant, Rennes, prospecting Brittany)";

    static final Objective.Targets PROSPECTING_TARGETS = new Objective.Targets(
            List.of("Agroalimentaire", "Industrie", "BTP"),
            List.of("Dirigeant", "Directeur général", "Gérant", "Directeur administratif et financier", "Responsable des achats"),
            List.of("Cariou Industries", "Laiterie de Plouvien"),
            List.of("Bretagne", "Rennes", "Brest"),
            List.of(GeographicScale.CITY, GeographicScale.DEPARTMENT, GeographicScale.REGION),
            List.of(), List.of());

    private static final String COOL_DOWN_RULE = "cool-down: the owner met him last week and called him yesterday";

    private ConsultantBrittany() {
    }

    static EvaluationOwner create(Instant now) {
        Network network = network(now);
        Objective prospecting = EvaluationRun.objective(network, "yann-prospecting-brittany", ObjectiveType.COMMERCIAL_PROSPECTING, PROSPECTING_TARGETS);
        Objective job = EvaluationRun.objective(network, "yann-same-targets-job", ObjectiveType.JOB_SEARCH, PROSPECTING_TARGETS);
        Objective creation = EvaluationRun.objective(network, "yann-same-targets-creation", ObjectiveType.BUSINESS_CREATION, PROSPECTING_TARGETS);
        Objective reputationTopics = EvaluationRun.objective(network, "yann-reputation-topics", ObjectiveType.E_REPUTATION,
                new Objective.Targets(List.of("Media"), null, null, List.of("Bretagne"), null,
                        List.of("transformation numérique", "PME", "industrie du futur"), null));
        Objective reputationOpen = EvaluationRun.objective(network, "yann-reputation-open", ObjectiveType.E_REPUTATION, Objective.Targets.NONE);
        return new EvaluationOwner(OWNER, network, List.of(
                new EvaluationRun(OWNER, "COMMERCIAL_PROSPECTING, Brittany (his objective)", network, prospecting, prospectingLabels(), true),
                new EvaluationRun(OWNER, "JOB_SEARCH, same targets", network, job, jobSearchLabels(), true),
                new EvaluationRun(OWNER, "BUSINESS_CREATION, same targets", network, creation, creationLabels(), true),
                new EvaluationRun(OWNER, "E_REPUTATION with topics (regional media)", network, reputationTopics, reputationWithTopicsLabels(), false),
                new EvaluationRun(OWNER, "E_REPUTATION without topics", network, reputationOpen, reputationWithoutTopicsLabels(), false)));
    }

    static Network network(Instant now) {
        NetworkBuilder n = new NetworkBuilder("yann-le-goff", now);
        n.owner(new OwnerProfile("Yann Le Goff", "Conseil", "Consultant indépendant en organisation et transformation numérique des PME",
                "Le Goff Conseil", List.of("Armor Industrie", "Sopralis Conseil"), List.of("Rennes School of Business", "IUT de Lannion"),
                RENNES, List.of("transformation numérique", "PME", "lean management"), "fr", false));

        // Family and close friends; his brother and a friend run firms in the target sectors.
        n.person("gwenaelle-le-goff", "Gwenaëlle Le Goff").origin(FAMILY).source(Source.PHONE).closeness(5)
                .works("Infirmière", "CHU de Rennes", "Santé").at(RENNES)
                .every(PRIVATE_MESSAGE, 2, 2 * YEAR, 1).every(CALL, 7, 2 * YEAR, 2);
        n.person("erwan-le-goff", "Erwan Le Goff").origin(FAMILY).source(Source.PHONE).closeness(5)
                .works("Directeur général", "Le Goff Bâtiment", "BTP").at(BREST)
                .every(CALL, 7, 3 * YEAR, 3).every(MEETING, 60, 3 * YEAR, 15);
        n.person("yvonne-le-goff", "Yvonne Le Goff").origin(FAMILY).source(Source.PHONE).closeness(5)
                .works("Retraitée", null, null).at(QUIMPER)
                .every(CALL, 7, 3 * YEAR, 2);
        n.person("katell-morvan", "Katell Morvan").origin(FRIEND).source(Source.PHONE).closeness(5)
                .works("Cheffe de projet développement économique", "Région Bretagne", "Administration publique").at(RENNES)
                .every(PRIVATE_MESSAGE, 5, 2 * YEAR, 2).every(MEETING, 21, 3 * YEAR, 4);
        n.person("loic-tanguy", "Loïc Tanguy").origin(FRIEND).source(Source.PHONE).closeness(4)
                .works("Gérant", "Boulangeries Tanguy", "Agroalimentaire").at(RENNES)
                .every(PRIVATE_MESSAGE, 10, 2 * YEAR, 3).every(MEETING, 30, 3 * YEAR, 10);

        // Clients, with real two-way exchanges: a recent mission, an earlier one, an old one, a current one.
        n.person("anne-le-bihan", "Anne Le Bihan").origin(CLIENT).contexts(RelationContext.CUSTOMER).source(Source.EMAIL)
                .works("Directrice générale", "Conserverie Kerbriant", "Agroalimentaire").at(DOUARNENEZ)
                .every(MEETING, 14, 700, 400).every(EMAIL, 30, 700, 60).call(45, OUTBOUND);
        n.person("patrick-guillou", "Patrick Guillou").origin(CLIENT).contexts(RelationContext.CUSTOMER).source(Source.EMAIL)
                .works("Directeur administratif et financier", "Menuiseries du Léon", "Industrie").at(LANDERNEAU)
                .every(MEETING, 14, 500, 300).every(EMAIL, 20, 500, 290);
        n.person("sylvie-kerjean", "Sylvie Kerjean").origin(CLIENT).contexts(RelationContext.CUSTOMER).source(Source.EMAIL)
                .works("Gérante", "Transports Kerjean", "Transport et logistique").at(VANNES)
                .every(MEETING, 14, 2100, 1700).exchange(EMAIL, 1600, INBOUND);
        n.person("herve-pichon", "Hervé Pichon").origin(CLIENT).contexts(RelationContext.CUSTOMER).source(Source.EMAIL)
                .works("Directeur général", "Pichon Agri", "Agroalimentaire").at(SAINT_BRIEUC)
                .every(CALL, 7, 200, 3).every(MEETING, 14, 200, 6);

        // Prospects: decision makers never spoken to, known by someone he knows.
        n.person("jean-yves-cariou", "Jean-Yves Cariou").origin(OTHER).connectedDaysAgo(300)
                .works("Président", "Cariou Industries", "Industrie").at(BREST);
        n.person("nolwenn-riou", "Nolwenn Riou").origin(OTHER)
                .works("Responsable des achats", "Conserverie Kerbriant", "Agroalimentaire").at(DOUARNENEZ);
        n.person("marc-quere", "Marc Quéré").origin(OTHER)
                .works("Directeur général", "Laiterie de Plouvien", "Agroalimentaire").at(PLOUVIEN);
        n.person("ronan-kerdraon", "Ronan Kerdraon").origin(OTHER)
                .works("Président", "Fédération du BTP du Finistère", "BTP").at(BREST);
        n.person("pascal-le-gac", "Pascal Le Gac").origin(OTHER)
                .works("Gérant", "Le Gac Maçonnerie", "BTP").at(BREST);
        // A CFO met at a CCI breakfast seven months ago, one exchange of e-mails since.
        n.person("christine-abgrall", "Christine Abgrall").origin(EVENT)
                .works("Directrice administrative et financière", "Bretagne Emballages", "Industrie").at(QUIMPER)
                .event(210).exchange(EMAIL, 205, OUTBOUND);
        // A building-firm manager who only likes and comments his posts.
        n.person("thierry-le-bras", "Thierry Le Bras").origin(ONLINE)
                .works("Gérant", "Le Bras Charpente", "BTP").at(MORLAIX)
                .reaction(360).reaction(300).reaction(240).reaction(180).reaction(120).reaction(60).reaction(20).comment(45, INBOUND);
        // Met last week, called yesterday.
        n.person("jean-marc-thomas", "Jean-Marc Thomas").origin(EVENT)
                .works("Directeur général", "Thomas Agro", "Agroalimentaire").at(PONTIVY)
                .meeting(8).call(1, OUTBOUND);
        // Traps: a buyer of a Paris hypermarket chain (out of territory, not a small firm), his own office
        // supplier (sells to him), a manufacturing boss in the Jura (out of territory).
        n.person("delphine-roche", "Delphine Roche").origin(ONLINE)
                .works("Responsable des achats", "Hypermarchés Lutèce", "Grande distribution").at(PARIS)
                .reaction(150).reaction(70);
        n.person("fabien-jaouen", "Fabien Jaouen").origin(OTHER).tags("fournisseur")
                .works("Commercial", "Armor Bureautique", "Distribution de fournitures de bureau").at(RENNES)
                .every(EMAIL, 90, 3 * YEAR, 20);
        n.person("helene-marchetti", "Hélène Marchetti").origin(ONLINE)
                .works("Dirigeante", "Fonderie du Jura", "Industrie").at(BESANCON)
                .exchange(PRIVATE_MESSAGE, 250, INBOUND);

        // Prescribers and support: the CCI, his accountant, a business lawyer, a partner, Bpifrance, a mentor, a recruiter.
        n.person("morgane-le-floch", "Morgane Le Floch").origin(EVENT)
                .works("Conseillère entreprises industrie", "CCI Ille-et-Vilaine", "Organisation consulaire").at(RENNES)
                .meeting(380).meeting(200).exchange(EMAIL, 190, OUTBOUND).exchange(EMAIL, 100, INBOUND);
        n.person("bruno-le-roux", "Bruno Le Roux").origin(OTHER).source(Source.EMAIL)
                .works("Expert-comptable", "Cabinet Le Roux", "Expertise comptable").at(RENNES)
                .every(EMAIL, 90, 3 * YEAR, 25).every(MEETING, 365, 3 * YEAR, 50);
        n.person("claire-nedelec", "Claire Nédélec").origin(EVENT)
                .works("Avocate en droit des affaires", "Nédélec Avocats", "Juridique").at(BREST)
                .meeting(1100).email(1095, INBOUND);
        n.person("sebastien-hamon", "Sébastien Hamon").origin(PARTNER).contexts(RelationContext.PARTNER)
                .works("Développeur freelance", "Hamon Dev", "Informatique").at(RENNES)
                .every(PRIVATE_MESSAGE, 14, 2 * YEAR, 4).every(MEETING, 30, 2 * YEAR, 12);
        n.person("caroline-jezequel", "Caroline Jézéquel").origin(EVENT)
                .works("Chargée d'affaires", "Bpifrance Rennes", "Financement").at(RENNES)
                .meeting(400).email(395, INBOUND);
        n.person("jacques-le-du", "Jacques Le Du").origin(EVENT).tags("mentor")
                .works("Dirigeant retraité, mentor", "Réseau Entreprendre Bretagne", "Accompagnement d'entreprises").at(RENNES)
                .meeting(500).meeting(250).email(245, INBOUND);
        n.person("yannick-le-corre", "Yannick Le Corre").origin(ONLINE)
                .works("Consultant en recrutement de cadres dirigeants", "Breizh RH", "Recrutement").at(RENNES)
                .message(380, INBOUND).message(378, OUTBOUND).call(370, INBOUND);

        // Former colleagues, silent for three to four years; one now runs production at a target company.
        n.person("stephanie-gourves", "Stéphanie Gourvès").origin(FORMER_COLLEAGUE).closeness(3)
                .works("Directrice industrielle", "Cariou Industries", "Industrie").past("Armor Industrie").at(BREST)
                .workedTogether(5800, 3300).exchange(PRIVATE_MESSAGE, 1500, OUTBOUND);
        n.person("olivier-guegan", "Olivier Guégan").origin(FORMER_COLLEAGUE)
                .works("Directeur de production", "Armor Industrie", "Industrie").at(LORIENT)
                .workedTogether(5500, 3300).exchange(EMAIL, 1300, INBOUND);
        n.person("francois-le-meur", "François Le Meur").origin(FORMER_COLLEAGUE)
                .works("Consultant en organisation", "Le Meur Conseil", "Conseil").past("Sopralis Conseil").at(NANTES)
                .workedTogether(3300, 1900).exchange(PRIVATE_MESSAGE, 1250, OUTBOUND);

        // School mates, no exchange logged.
        n.person("mael-briand", "Maël Briand").origin(SCHOOL).closeness(4).schools("Rennes School of Business").connectedDaysAgo(15 * YEAR)
                .works("Directeur général", "Briand Fermetures", "Industrie").at(LORIENT);
        n.person("anais-le-gall", "Anaïs Le Gall").origin(SCHOOL).closeness(2).schools("Rennes School of Business").connectedDaysAgo(15 * YEAR)
                .works("Responsable marketing", "Érable Média", "Media").at(MONTREAL);
        n.person("benjamin-cadiou", "Benjamin Cadiou").origin(SCHOOL).closeness(3).schools("IUT de Lannion").connectedDaysAgo(18 * YEAR)
                .works("Ingénieur réseaux", "Télécom Armor", "Télécommunications").at(LANNION);

        // Audiences: a regional journalist (Media) and a social-media agency (Digital media, the trap),
        // an industry network, a podcast, an author on the same topics in another region.
        n.person("gael-kervella", "Gaël Kervella").origin(OTHER).tags("journaliste", "économie régionale", "PME")
                .works("Journaliste économie", "Le Courrier de Bretagne", "Media").at(RENNES);
        n.person("lena-daniel", "Léna Daniel").origin(EVENT).tags("réseaux sociaux", "publicité")
                .works("Chargée de comptes social media", "Pixel Breizh", "Digital media").at(RENNES)
                .exchange(PRIVATE_MESSAGE, 150, INBOUND);
        n.person("annaig-prigent", "Annaïg Prigent").origin(EVENT).tags("industrie du futur", "événements", "communauté")
                .works("Animatrice du réseau Breizh Industrie 4.0", "Breizh Industrie 4.0", "Réseau d'entreprises").at(BREST)
                .event(300).every(PUBLIC_COMMENT, 60, 280, 40).exchange(PRIVATE_MESSAGE, 100, INBOUND);
        n.person("youenn-caradec", "Youenn Caradec").origin(ONLINE).tags("podcast", "PME", "entrepreneuriat")
                .works("Animateur du podcast Entreprendre en Bretagne", "Entreprendre en Bretagne", "Podcast").at(VANNES)
                .reaction(120).reaction(60).comment(50, OUTBOUND);
        n.person("mathieu-caron", "Mathieu Caron").origin(ONLINE).tags("industrie du futur", "lean management", "conférencier")
                .works("Consultant et auteur, industrie 4.0", "Usine Agile", "Conseil").at(LYON)
                .every(PUBLIC_COMMENT, 45, 360, 15);

        n.knows("erwan-le-goff", "marc-quere", "thierry-le-bras", "ronan-kerdraon", "yvonne-le-goff", "gwenaelle-le-goff");
        n.knows("gwenaelle-le-goff", "yvonne-le-goff", "katell-morvan");
        n.knows("katell-morvan", "morgane-le-floch", "annaig-prigent", "loic-tanguy");
        n.knows("loic-tanguy", "bruno-le-roux");
        n.knows("anne-le-bihan", "nolwenn-riou", "marc-quere", "christine-abgrall");
        n.knows("patrick-guillou", "jean-yves-cariou", "stephanie-gourves", "annaig-prigent");
        n.knows("stephanie-gourves", "jean-yves-cariou", "olivier-guegan");
        n.knows("bruno-le-roux", "pascal-le-gac");
        n.knows("morgane-le-floch", "christine-abgrall", "gael-kervella", "annaig-prigent", "caroline-jezequel", "jacques-le-du", "jean-marc-thomas");
        n.knows("ronan-kerdraon", "thierry-le-bras", "pascal-le-gac");
        n.knows("jacques-le-du", "caroline-jezequel");
        n.knows("herve-pichon", "marc-quere");
        n.knows("sebastien-hamon", "lena-daniel");

        // The comfortable circle: consultants, coaches and freelancers around Rennes.
        Background.add(n, 2_001L, 30, new Background.Pool("Rennes consultants and freelancers",
                Names.BRETON_FIRST, Names.BRETON_LAST,
                List.of(new Background.Job("Consultante en stratégie digitale", "Breizh Digital Conseil", "Conseil"),
                        new Background.Job("Coach professionnel", "Cap Ouest Coaching", "Coaching"),
                        new Background.Job("Formatrice en management", "Armorique Formation", "Formation"),
                        new Background.Job("Consultant SEO", "Référencement Ouest", "Marketing digital"),
                        new Background.Job("Développeuse freelance", "Indépendante", "Informatique"),
                        new Background.Job("Consultant qualité", "Qualis Ouest", "Conseil"),
                        new Background.Job("Chef de projet web", "Agence Goéland", "Communication"),
                        new Background.Job("Consultante RSE", "Terre et Mer Conseil", "Conseil"),
                        new Background.Job("Designer graphique", "Atelier Ti Graph", "Communication"),
                        new Background.Job("Consultant en organisation", "Rennes Performance", "Conseil")),
                List.of(RENNES, RENNES, CESSON_SEVIGNE, SAINT_MALO, NANTES),
                List.of(EVENT, ONLINE, ONLINE, SCHOOL, OTHER),
                List.of("Rennes School of Business"),
                List.of("sebastien-hamon", "francois-le-meur"),
                true));
        Background.add(n, 2_002L, 16, new Background.Pool("elsewhere",
                Names.FRENCH_FIRST, Names.FRENCH_LAST,
                List.of(new Background.Job("Professeure des écoles", "École Jules Ferry", "Éducation"),
                        new Background.Job("Kinésithérapeute", "Cabinet Kiné Thabor", "Santé"),
                        new Background.Job("Pharmacienne", "Pharmacie des Lices", "Pharmacie"),
                        new Background.Job("Ingénieur logiciel", "Ubiquo", "Logiciel"),
                        new Background.Job("Chargée de mission culture", "Ville de Nantes", "Administration publique"),
                        new Background.Job("Moniteur de voile", "Centre nautique de Saint-Malo", "Sport"),
                        new Background.Job("Infirmière", "Clinique Saint-Laurent", "Santé"),
                        new Background.Job("Chef de rayon", "Hyper Armor", "Grande distribution"),
                        new Background.Job("Musicien", "Bagad Kemper", "Culture"),
                        new Background.Job("Contrôleur", "SNCF Voyageurs", "Transport ferroviaire")),
                List.of(NANTES, PARIS, BORDEAUX, LILLE, SAINT_MALO, RENNES, QUIMPER),
                List.of(NEIGHBOUR, EVENT, ONLINE, OTHER, SCHOOL),
                List.of("IUT de Lannion"),
                List.of(),
                false));
        return n.build();
    }

    /**
     * Prospecting: decision makers of the target firms in Brittany, through his clients (referrals),
     * his accountant and the CCI (prescribers), his brother (a named contact only), and dormant ties
     * that now sit at decision level in the targets.
     */
    static Labels prospectingLabels() {
        return new Labels()
                .relevant(2, "client with recent two-way exchanges: a referral", "anne-le-bihan")
                .relevant(2, "client CFO, knows the president of a target company", "patrick-guillou")
                .relevant(2, "CFO met seven months ago, e-mails both ways: a decision maker", "christine-abgrall")
                .relevant(2, "CCI adviser: a prescriber who knows many firm managers", "morgane-le-floch")
                .relevant(2, "his accountant: a prescriber for the firms he advises", "bruno-le-roux")
                .relevant(2, "dormant former colleague, industrial director at a target company", "stephanie-gourves")
                .relevant(2, "school mate (closeness 4), managing director of a manufacturer in Lorient", "mael-briand")
                .relevant(1, "current client, managing director in food processing", "herve-pichon")
                .relevant(1, "president of a target company, cold", "jean-yves-cariou")
                .relevant(1, "managing director of a target company, cold", "marc-quere")
                .relevant(1, "building-firm manager in Brest, cold", "pascal-le-gac")
                .relevant(1, "president of the Finistère building federation, cold", "ronan-kerdraon")
                .relevant(1, "building-firm manager who follows him (likes only): a light first step", "thierry-le-bras")
                .relevant(1, "head of procurement at a client", "nolwenn-riou")
                .relevant(1, "dormant former colleague, production director in Lorient", "olivier-guegan")
                .relevant(1, "dormant former client: reactivate", "sylvie-kerjean")
                .relevant(1, "friend running a bakery chain: precise information only", "loic-tanguy")
                .relevant(1, "brother running a building firm: precise information, a named contact", "erwan-le-goff")
                .relevant(1, "mentor network: knows many managers", "jacques-le-du")
                .relevant(1, "Bpifrance: knows the firms it finances", "caroline-jezequel")
                .relevant(1, "partner who co-delivers missions", "sebastien-hamon")
                .relevant(1, "industry network organiser in Brest", "annaig-prigent")
                .warmPath(2, "patrick-guillou", "jean-yves-cariou", "client introduces the president of a target company")
                .warmPath(2, "stephanie-gourves", "jean-yves-cariou", "former colleague introduces her president")
                .warmPath(2, "erwan-le-goff", "marc-quere", "brother asked for one named contact")
                .warmPath(2, "anne-le-bihan", "marc-quere", "client introduces a peer")
                .warmPath(1, "herve-pichon", "marc-quere", "client introduces a peer")
                .warmPath(2, "erwan-le-goff", "ronan-kerdraon", "brother asked for one named contact: the federation")
                .warmPath(2, "bruno-le-roux", "pascal-le-gac", "accountant introduces one of his clients")
                .warmPath(1, "anne-le-bihan", "nolwenn-riou", "client introduces her head of procurement")
                .warmPath(1, "erwan-le-goff", "thierry-le-bras", "brother introduces a building-firm manager")
                .never(COOL_DOWN_RULE, "jean-marc-thomas");
    }

    /** The same targets as a job search (managing director, CFO, procurement in Breton industry). */
    static Labels jobSearchLabels() {
        return new Labels()
                .relevant(2, "executive recruiter in Rennes, two-way exchanges", "yannick-le-corre")
                .relevant(2, "dormant former colleague, industrial director at a target company", "stephanie-gourves")
                .relevant(2, "school mate, managing director of a manufacturer", "mael-briand")
                .relevant(1, "client managing director in food processing", "anne-le-bihan")
                .relevant(1, "client CFO in manufacturing", "patrick-guillou")
                .relevant(1, "CFO in manufacturing, recent exchange", "christine-abgrall")
                .relevant(1, "dormant former colleague, production director", "olivier-guegan")
                .relevant(1, "current client, managing director", "herve-pichon")
                .relevant(1, "CCI adviser: knows who hires", "morgane-le-floch")
                .relevant(1, "mentor network", "jacques-le-du")
                .relevant(1, "president of a target company, cold", "jean-yves-cariou")
                .relevant(1, "managing director of a target company, cold", "marc-quere")
                .warmPath(2, "patrick-guillou", "jean-yves-cariou", "client introduces the president of a target company")
                .warmPath(2, "stephanie-gourves", "jean-yves-cariou", "former colleague introduces her president")
                .warmPath(2, "erwan-le-goff", "marc-quere", "brother asked for one named contact")
                .warmPath(1, "anne-le-bihan", "marc-quere", "client introduces a peer")
                .never(COOL_DOWN_RULE, "jean-marc-thomas");
    }

    /** The same targets as a venture: mentor, financing, accounting, legal, then peers who know the trade. */
    static Labels creationLabels() {
        return new Labels()
                .relevant(2, "mentor of Réseau Entreprendre, met twice", "jacques-le-du")
                .relevant(2, "Bpifrance account manager: financing", "caroline-jezequel")
                .relevant(2, "his accountant: finance", "bruno-le-roux")
                .relevant(2, "business lawyer in Brest: legal (reactivate first)", "claire-nedelec")
                .relevant(1, "CCI adviser: support for founders", "morgane-le-floch")
                .relevant(1, "client managing director: advice, a first customer", "anne-le-bihan")
                .relevant(1, "client CFO", "patrick-guillou")
                .relevant(1, "current client", "herve-pichon")
                .relevant(1, "school mate running a manufacturer: a peer's advice", "mael-briand")
                .relevant(1, "partner with two-way exchanges: a possible associate", "sebastien-hamon")
                .relevant(1, "brother running a firm: precise information only", "erwan-le-goff")
                .never(COOL_DOWN_RULE, "jean-marc-thomas");
    }

    /**
     * E-reputation in the regional media on his topics: the regional journalist (sector Media; the
     * social-media agency is "Digital media" and sells ads, it is not the press), his industry
     * network, a regional podcast, an author on the same topics, and recommendations from clients.
     */
    static Labels reputationWithTopicsLabels() {
        return new Labels()
                .relevant(1, "regional economy journalist, cold", "gael-kervella")
                .relevant(2, "industry network organiser: speaking slots, an audience", "annaig-prigent")
                .relevant(2, "regional podcast about small firms", "youenn-caradec")
                .relevant(2, "author on the same topics, another region's audience", "mathieu-caron")
                .relevant(2, "client with recent two-way exchanges, has seen his work", "anne-le-bihan")
                .relevant(2, "client with two-way exchanges within two years: a recommendation", "patrick-guillou")
                .relevant(1, "CCI adviser, knows the journalist", "morgane-le-floch")
                .relevant(1, "current client: a recommendation", "herve-pichon")
                .relevant(1, "partner who has seen his work", "sebastien-hamon")
                .warmPath(2, "morgane-le-floch", "gael-kervella", "the CCI adviser introduces the journalist")
                .never(COOL_DOWN_RULE, "jean-marc-thomas");
    }

    /** E-reputation without topics: recommendations from clients, and audiences beyond his circle. */
    static Labels reputationWithoutTopicsLabels() {
        return new Labels()
                .relevant(2, "client who has seen his work", "anne-le-bihan")
                .relevant(2, "client: a recommendation", "patrick-guillou")
                .relevant(2, "regional podcast audience", "youenn-caradec")
                .relevant(2, "industry network audience", "annaig-prigent")
                .relevant(1, "author with an audience in another region", "mathieu-caron")
                .relevant(1, "regional journalist, cold", "gael-kervella")
                .relevant(1, "current client: a recommendation", "herve-pichon")
                .relevant(1, "partner who has seen his work", "sebastien-hamon")
                .relevant(1, "CCI adviser", "morgane-le-floch")
                .warmPath(1, "morgane-le-floch", "gael-kervella", "the CCI adviser introduces the journalist")
                .never(COOL_DOWN_RULE, "jean-marc-thomas");
    }
}
