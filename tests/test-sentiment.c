/* Tests of the sentiment plugin: negation, contrast, intensity, neutral
 * reporting sentences, financial direction words, conditionals, questions
 * and quotes in French and English; sentiment toward entities of an
 * `entity` layer; user lexicons and malformed lexicon lines. */
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <tamis/tamis.h>

#include "spans.h"

static TamisPipeline *default_pipeline;

static TamisPipeline *
new_pipeline (const char *options, const char *filename, GError **error)
{
  g_autofree char *yaml = g_strdup_printf ("tamis: 1\nstages:\n  - segment: {tokens: false}\n"
                                           "  - sentiment: {%s}\n", options ? options : "");
  return tamis_pipeline_new_from_data (yaml, -1, filename, NULL, error);
}

/* @doc processed by @pipeline (the default one when NULL). */
static void
process (TamisPipeline *pipeline, TamisDoc *doc)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (tamis_pipeline_process (pipeline ? pipeline : default_pipeline, doc, &error));
  g_assert_no_error (error);
  g_assert_null (tamis_doc_get_error_code (doc));
}

static TamisDoc *
run (const char *lang, const char *text)
{
  g_autoptr (GError) error = NULL;
  TamisDoc *doc = tamis_doc_new ("t", text, -1, &error);

  g_assert_no_error (error);
  if (lang)
    tamis_doc_set_string (doc, "lang", lang);
  process (NULL, doc);
  return doc;
}

/* The score of a one-sentence text (the document's, which is the sentence's). */
static double
score_of (const char *lang, const char *text)
{
  g_autoptr (TamisDoc) doc = run (lang, text);
  const TamisLayer *layer = tamis_doc_get_layer (doc, "sentence_sentiment");

  g_assert_nonnull (layer);
  g_assert_cmpuint (tamis_layer_get_n_spans (layer), ==, 1);
  return tamis_layer_get_score (layer, 0);
}

static void
assert_label (const char *lang, const char *text, const char *label)
{
  g_autoptr (TamisDoc) doc = run (lang, text);
  const char *got = tamis_doc_get_string (doc, "sentiment");

  if (g_strcmp0 (got, label) != 0)
    g_error ("%s: \"%s\" is %s (%.3f), expected %s", lang, text, got,
             tamis_doc_get_double (doc, "sentiment_score", NAN), label);
}

/* |score (a)| < |score (b)|, both of the same sign */
static void
assert_weaker (const char *lang, const char *a, const char *b)
{
  double sa = score_of (lang, a), sb = score_of (lang, b);

  if (!(fabs (sa) < fabs (sb) && sa * sb > 0))
    g_error ("%s: \"%s\" (%.3f) should be weaker than \"%s\" (%.3f)", lang, a, sa, b, sb);
}

static void
test_polar (void)
{
  assert_label ("fr", "Les résultats du trimestre sont excellents.", "positive");
  assert_label ("fr", "La direction se dit très inquiète après ce scandale.", "negative");
  assert_label ("en", "The launch was a great success for the group.", "positive");
  assert_label ("en", "The bank faces a fraud investigation.", "negative");
  /* emoji, for every language */
  assert_label ("fr", "Nouvelle boutique ouverte ce matin 😍", "positive");
  assert_label ("en", "Two hours on hold with the helpline 😡", "negative");
}

static void
test_negation (void)
{
  assert_label ("fr", "Les résultats sont bons.", "positive");
  assert_label ("fr", "Les résultats ne sont pas bons.", "negative");
  assert_label ("fr", "Le lancement s'est fait sans succès.", "negative");
  assert_label ("fr", "La perspective n'est plus favorable pour le groupe.", "negative");
  assert_label ("fr", "Le rapport ne relève aucune difficulté.", "positive");
  assert_label ("en", "The results were good.", "positive");
  assert_label ("en", "The results were not good.", "negative");
  assert_label ("en", "The outlook is no longer positive.", "negative");
  assert_label ("en", "The firm failed to win the tender.", "negative");
  assert_label ("en", "The quarter wasn't bad at all.", "positive");
  /* phrases that hold a negation word without negating */
  assert_label ("fr", "Le groupe n'a jamais été aussi rentable.", "positive");
  assert_label ("fr", "C'est sans doute un succès.", "positive");
  assert_label ("en", "The bank has never been so profitable.", "positive");
  /* everyday French: "pas mal" is praise, "pas mal de" a quantity */
  assert_label ("fr", "Le nouveau modèle est pas mal.", "positive");
  assert_label ("fr", "Il y a pas mal de monde au salon.", "neutral");
  assert_label ("fr", "Le projet a été mal géré depuis le début.", "negative");
  assert_label ("en", "The results were not only good but excellent.", "positive");
}

static void
test_contrast (void)
{
  assert_label ("fr", "Les ventes sont décevantes, mais la marge reste excellente.", "positive");
  assert_label ("fr", "Le trimestre a été bon, cependant les perspectives sont mauvaises.", "negative");
  assert_label ("en", "The quarter was good, but the outlook is disappointing.", "negative");
  assert_label ("en", "Although the quarter was disappointing, the outlook is strong.", "positive");
  assert_label ("en", "The outlook is strong, although the quarter was disappointing.", "positive");
}

static void
test_intensity (void)
{
  assert_weaker ("fr", "Les résultats sont bons.", "Les résultats sont très bons.");
  assert_weaker ("fr", "La demande est légèrement favorable.", "La demande est favorable.");
  assert_weaker ("en", "Sales rose slightly.", "Sales rose.");
  assert_weaker ("en", "Revenue fell.", "Revenue fell sharply.");
  assert_weaker ("en", "The results were good.", "The results were extremely good.");
  assert_weaker ("fr", "Quel beau résultat.", "Quel beau résultat !");
}

static void
test_neutral (void)
{
  assert_label ("fr", "Le groupe a publié ses comptes annuels mardi à Paris.", "neutral");
  assert_label ("fr", "Le chiffre d'affaires s'établit à 3,2 milliards d'euros en 2024.", "neutral");
  assert_label ("fr", "L'entreprise emploie 4 200 personnes dans douze pays.", "neutral");
  assert_label ("fr", "Au cours de l'année, le conseil s'est réuni six fois.", "neutral");
  assert_label ("en", "The company employs 4,200 people in twelve countries.", "neutral");
  assert_label ("en", "Revenue was $5.1 billion for the fiscal year.", "neutral");
  assert_label ("en", "The board will meet in Frankfurt on Thursday.", "neutral");
  assert_label (NULL, "The chief executive spoke to reporters after the meeting.", "neutral");
}

static void
test_financial (void)
{
  assert_label ("fr", "Les coûts ont baissé de 5 % sur l'exercice.", "positive");
  assert_label ("fr", "Les ventes ont baissé de 5 % sur l'exercice.", "negative");
  assert_label ("fr", "La dette du groupe a fortement augmenté.", "negative");
  assert_label ("fr", "Le chômage recule pour le troisième mois.", "positive");
  assert_label ("fr", "Le bénéfice net est en hausse de 12 %.", "positive");
  assert_label ("fr", "On note une baisse des dépenses de fonctionnement.", "positive");
  assert_label ("fr", "Le cours de l'action a chuté après l'annonce.", "negative");
  assert_label ("fr", "Le chiffre d'affaires n'a pas baissé.", "positive");
  assert_label ("fr", "Les pertes se sont réduites à 2 millions d'euros.", "positive");
  assert_label ("fr", "La société prévoit de supprimer 500 emplois en France.", "negative");
  assert_label ("fr", "Le taux de chômage a atteint son plus bas niveau depuis 2008.", "positive");
  assert_label ("en", "Net losses narrowed to EUR 2 million.", "positive");
  assert_label ("en", "Revenue fell 8% in the quarter.", "negative");
  assert_label ("en", "Operating profit rose to EUR 14 million.", "positive");
  assert_label ("en", "The company cut costs across its plants.", "positive");
  assert_label ("en", "The company cut 300 jobs.", "negative");
  assert_label ("en", "Debt increased sharply last year.", "negative");
  assert_label ("en", "Revenue did not fall in the quarter.", "positive");
  assert_label ("en", "Operating profit was EUR 5 million, up from EUR 3 million.", "positive");
  assert_label ("en", "Operating loss totalled EUR 3 million in the period.", "negative");
  /* a noun after "from" is the point of comparison, one after "to a" where
   * the value ended */
  assert_label ("en", "Operating profit was EUR 0.6 mn, up from a loss of EUR 1.7 mn.", "positive");
  assert_label ("en", "The group slipped to a net loss of EUR 7.3 mn in the quarter.", "negative");
  assert_label ("fr", "Le résultat a chuté à une perte de 3 millions d'euros.", "negative");
  /* no direction word: the figures set against each other say the move */
  assert_label ("en", "Operating profit was EUR 7.8 million compared to EUR 11.2 million.", "negative");
  assert_label ("en", "The operating margin was 9.1 %, compared with 7.4 % a year earlier.", "positive");
  assert_label ("fr", "Le bénéfice net s'élève à 5,2 millions d'euros, contre 3,1 millions un an plus tôt.", "positive");
  assert_label ("fr", "Les coûts atteignent 12 millions d'euros contre 9 millions en 2023.", "negative");
  assert_label ("en", "Revenue was EUR 4 million, compared to 2023 when the plant was shut.", "neutral");
  /* nouns that are bad when they rise, outside finance too */
  assert_label ("fr", "La pollution a nettement baissé dans la région.", "positive");
  assert_label ("en", "Crime rose sharply in the region.", "negative");
  /* a direction word without a noun: what rises is more often good news,
   * but a move of a known noun weighs more */
  assert_weaker ("en", "It jumped 8% on Tuesday.", "Revenue jumped 8% on Tuesday.");
  assert_weaker ("fr", "Il a reculé de 3 %.", "Les ventes ont reculé de 3 %.");
  /* one noun, one move: the second direction word adds nothing */
  g_assert_cmpfloat (fabs (score_of ("en", "Unemployment fell to its lowest level in a decade.") -
                           score_of ("en", "Unemployment fell.")), <, 1e-6);
}

static void
test_conditional_question_quotes (void)
{
  assert_weaker ("fr", "Les ventes pourraient baisser.", "Les ventes baissent.");
  assert_weaker ("en", "Sales could fall.", "Sales fell.");
  assert_weaker ("fr", "Les résultats sont-ils bons ?", "Les résultats sont bons.");
  assert_weaker ("en", "Is the outlook good?", "The outlook is good.");
  assert_weaker ("fr", "Le groupe vante le « succès » du lancement.", "Le groupe vante le succès du lancement.");
  assert_weaker ("en", "The group hailed the \"success\" of the launch.", "The group hailed the success of the launch.");
}

/* The cue layer says which words decided, and how. */
static void
test_cues (void)
{
  const char *text = "The results were not very good.";
  g_autoptr (TamisDoc) doc = run ("en", text);
  const TamisLayer *cues = tamis_doc_get_layer (doc, "sentiment_cue");
  guint n;
  g_autofree TestSpan *spans = test_spans (cues, &n);

  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (spans[0].label, ==, "negative");
  g_assert_cmpint (strncmp (text + spans[0].start, "good", 4), ==, 0);
  g_assert_true (tamis_layer_get_bool (cues, 0, "negated", FALSE));
  g_assert_cmpfloat (tamis_layer_get_double (cues, 0, "intensity", 1), >, 1);
  g_assert_cmpfloat (tamis_layer_get_double (cues, 0, "weight", 0), <, 0);
  g_assert_cmpstr (tamis_layer_get_string (cues, 0, "rule"), ==, "lexicon");

  {
    const char *fin = "Les coûts ont baissé.";
    g_autoptr (TamisDoc) d2 = run ("fr", fin);
    const TamisLayer *c2 = tamis_doc_get_layer (d2, "sentiment_cue");
    g_assert_cmpuint (tamis_layer_get_n_spans (c2), ==, 1);
    g_assert_cmpstr (tamis_layer_get_string (c2, 0, "rule"), ==, "direction");
    /* the pair covers both words */
    g_assert_cmpuint (tamis_layer_get_start (c2, 0), ==, 4);
    g_assert_cmpuint (tamis_layer_get_end (c2, 0), ==, strlen ("Les coûts ont baissé"));
  }
}

/* A sentence per span of the sentiment layer, and the document's score. */
static void
test_document (void)
{
  g_autoptr (TamisDoc) doc = run ("fr", "Le groupe a publié ses comptes mardi. Les ventes ont bondi de 20 %. "
                                        "Le bénéfice est excellent. Le siège reste à Lyon.");
  const TamisLayer *layer = tamis_doc_get_layer (doc, "sentence_sentiment");
  guint n;
  g_autofree TestSpan *spans = test_spans (layer, &n);

  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (spans[0].label, ==, "neutral");
  g_assert_cmpstr (spans[1].label, ==, "positive");
  g_assert_cmpstr (spans[2].label, ==, "positive");
  g_assert_cmpstr (spans[3].label, ==, "neutral");
  g_assert_cmpstr (tamis_doc_get_string (doc, "sentiment"), ==, "positive");
  g_assert_cmpfloat (tamis_doc_get_double (doc, "sentiment_score", 0), >, 0);
  g_assert_cmpfloat (tamis_doc_get_double (doc, "sentiment_score", 0), <=, 1);
  /* no entity layer: nothing about entities */
  g_assert_null (tamis_doc_get_layer (doc, "mention_sentiment"));
  g_assert_false (tamis_doc_get_attr (doc, "entity_sentiment", NULL));
}

/* Adds a span to the entity layer over the @nth occurrence of @name. */
static void
add_entity (TamisDoc *doc, const char *name, guint nth, const char *canonical, const char *type)
{
  const char *text = tamis_doc_get_text (doc);
  const char *p = text;
  TamisLayer *layer = tamis_doc_ensure_layer (doc, "entity");
  guint i;

  for (guint k = 0; k <= nth; k++)
    {
      p = strstr (k ? p + 1 : p, name);
      g_assert_nonnull (p);
    }
  i = tamis_layer_add (layer, p - text, p - text + strlen (name), type);
  tamis_layer_set_string (layer, i, "canonical", canonical);
}

/* The entity_sentiment attribute holds "NAME": {"label": "LABEL", … */
static void
assert_entity (TamisDoc *doc, const char *canonical, const char *label, guint sentences)
{
  const char *json;
  TamisValue v;
  g_autofree char *want = NULL;
  g_autofree char *want_n = NULL;
  const char *at;

  g_assert_true (tamis_doc_get_attr (doc, "entity_sentiment", &v));
  g_assert_cmpint (v.type, ==, TAMIS_VALUE_JSON);
  json = v.s;
  want = g_strdup_printf ("\"%s\": {\"label\": \"%s\"", canonical, label);
  at = strstr (json, want);
  if (at == NULL)
    g_error ("entity_sentiment %s: %s not found", json, want);
  want_n = g_strdup_printf ("\"sentences\": %u,", sentences);
  g_assert_nonnull (strstr (at, want_n));
}

static void
test_entities (void)
{
  const char *fr = "Meta a publié d'excellents résultats, alors que DeepSeek a essuyé de lourdes pertes. "
                   "Le groupe de Menlo Park compte 70 000 salariés. "
                   "Pour Meta, la publicité reste un succès.";
  const char *en = "Shares of Meta rose 5% on Tuesday; DeepSeek's revenue fell sharply. "
                   "Meta Platforms also announced a partnership with a chip maker.";
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisDoc) d1 = tamis_doc_new ("fr", fr, -1, &error);
  g_autoptr (TamisDoc) d2 = tamis_doc_new ("en", en, -1, &error);
  const TamisLayer *layer;
  guint n;

  tamis_doc_set_string (d1, "lang", "fr");
  add_entity (d1, "Meta", 0, "Meta", "ORG");
  add_entity (d1, "DeepSeek", 0, "DeepSeek", "ORG");
  add_entity (d1, "Menlo Park", 0, "Menlo Park", "LOC");
  add_entity (d1, "Meta", 1, "Meta", "ORG");
  process (NULL, d1);
  /* "Le groupe de Menlo Park" names a place, not a company: it is Meta */
  assert_entity (d1, "Meta", "positive", 3);
  assert_entity (d1, "DeepSeek", "negative", 1);
  assert_entity (d1, "Menlo Park", "neutral", 1);
  layer = tamis_doc_get_layer (d1, "mention_sentiment");
  g_assert_nonnull (layer);
  n = tamis_layer_get_n_spans (layer);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (tamis_layer_get_label (layer, 0), ==, "positive");
  g_assert_cmpstr (tamis_layer_get_string (layer, 0, "canonical"), ==, "Meta");
  g_assert_cmpstr (tamis_layer_get_string (layer, 0, "type"), ==, "ORG");
  g_assert_cmpstr (tamis_layer_get_label (layer, 1), ==, "negative");

  tamis_doc_set_string (d2, "lang", "en");
  add_entity (d2, "Meta", 0, "Meta", "ORG");
  add_entity (d2, "DeepSeek", 0, "DeepSeek", "ORG");
  add_entity (d2, "Meta Platforms", 0, "Meta", "ORG");
  process (NULL, d2);
  assert_entity (d2, "Meta", "positive", 2);
  assert_entity (d2, "DeepSeek", "negative", 1);
}

/* A direction word without a financial noun moves the value of the
 * organisation just before it. */
static void
test_entity_moves (void)
{
  const char *texts[][2] = {
    { "fr", "Meta a bondi de 8 % à Wall Street, tandis que DeepSeek a chuté de 5 %." },
    { "en", "Meta jumped 8% on Wall Street while DeepSeek slumped 5%." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (TamisDoc) doc = tamis_doc_new ("t", texts[i][1], -1, NULL);
      tamis_doc_set_string (doc, "lang", texts[i][0]);
      add_entity (doc, "Meta", 0, "Meta", "ORG");
      add_entity (doc, "Wall Street", 0, "Wall Street", "LOC");
      add_entity (doc, "DeepSeek", 0, "DeepSeek", "ORG");
      process (NULL, doc);
      assert_entity (doc, "Meta", "positive", 1);
      assert_entity (doc, "DeepSeek", "negative", 1);
    }
  /* without an entity layer the move counts only as a direction word
   * alone, faintly */
  {
    const char *text = "Meta jumped 8% on Wall Street.";
    g_autoptr (TamisDoc) doc = tamis_doc_new ("t", text, -1, NULL);
    double alone = score_of ("en", text);

    tamis_doc_set_string (doc, "lang", "en");
    add_entity (doc, "Meta", 0, "Meta", "ORG");
    process (NULL, doc);
    g_assert_cmpfloat (alone, >, 0);
    g_assert_cmpfloat (alone, <, tamis_doc_get_double (doc, "sentiment_score", 0));
  }
}

/* A sentence that names no person or organisation, whose subject is a
 * pronoun or which speaks of "the company", speaks of the first
 * organisation of the sentence before. */
static void
test_entity_anaphor (void)
{
  const char *texts[][2] = {
    { "fr", "DeepSeek a présenté un nouveau modèle lundi. Il a déçu les analystes. Il y a eu peu d'échanges." },
    { "en", "DeepSeek presented a new model on Monday. The company disappointed analysts." },
    { "fr", "DeepSeek a présenté un nouveau modèle lundi. Selon les analystes, la start-up a déçu." },
    /* a nationality inside the description is no other subject */
    { "en", "DeepSeek presented a new model on Monday. The Chinese start-up disappointed analysts." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (TamisDoc) doc = tamis_doc_new ("t", texts[i][1], -1, NULL);
      tamis_doc_set_string (doc, "lang", texts[i][0]);
      add_entity (doc, "DeepSeek", 0, "DeepSeek", "ORG");
      if (strstr (texts[i][1], "Chinese"))
        add_entity (doc, "Chinese", 0, "Chinese", "MISC");
      process (NULL, doc);
      assert_entity (doc, "DeepSeek", "negative", 2);
      g_assert_cmpuint (tamis_layer_get_n_spans (tamis_doc_get_layer (doc, "mention_sentiment")), ==,
                        strstr (texts[i][1], "Chinese") ? 2 : 1);
    }
}

/* The whole chain: langid says the language, the entities plugin finds
 * the companies, and an article that praises one and blames the other
 * gives them opposite labels. */
static void
test_entities_pipeline (void)
{
  const char *texts[] = {
    "Meta a publié mercredi des résultats excellents, portés par la publicité. "
    "Les analystes saluent une stratégie solide et le groupe relève ses prévisions pour l'année. "
    "DeepSeek, en revanche, traverse une période difficile. "
    "La start-up chinoise est critiquée pour une faille de sécurité et ses ventes ont reculé au dernier trimestre.",
    "Meta reported excellent results on Wednesday, driven by strong advertising sales. "
    "Analysts praised its solid strategy, and the company raised its outlook for the year. "
    "DeepSeek, by contrast, is going through a difficult period. "
    "The Chinese start-up was criticised for a security flaw and its sales fell in the last quarter.",
  };
  const char *langs[] = { "fr", "en" };
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) p = tamis_pipeline_new_from_data (
    "tamis: 1\nstages:\n  - segment\n  - langid\n  - entities\n  - sentiment\n", -1, NULL, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (TamisDoc) doc = tamis_doc_new ("t", texts[i], -1, &error);
      g_assert_no_error (error);
      process (p, doc);
      g_assert_cmpstr (tamis_doc_get_string (doc, "lang"), ==, langs[i]);
      g_assert_nonnull (tamis_doc_get_layer (doc, "entity"));
      /* each company's second sentence, where it is not named, counts */
      assert_entity (doc, "Meta", "positive", 2);
      assert_entity (doc, "DeepSeek", "negative", 2);
    }
}

/* A polar word inside a name is no praise, unless the "name" is likely a
 * mistake of the tagger: a word in lower case, or a capitalised word alone
 * opening the sentence. */
static void
label_with_entity (const char *text, const char *name, const char *type, const char *label)
{
  g_autoptr (TamisDoc) doc = tamis_doc_new ("t", text, -1, NULL);

  tamis_doc_set_string (doc, "lang", "fr");
  add_entity (doc, name, 0, name, type);
  process (NULL, doc);
  if (g_strcmp0 (tamis_doc_get_string (doc, "sentiment"), label) != 0)
    g_error ("\"%s\" with the entity \"%s\": %s, expected %s", text, name,
             tamis_doc_get_string (doc, "sentiment"), label);
}

static void
test_cues_in_names (void)
{
  label_with_entity ("Le Bon Marché ouvre un nouvel étage.", "Bon Marché", "ORG", "neutral");
  label_with_entity ("Les riverains de plus en plus inquiets manifestent.",
                     "riverains de plus en plus inquiets", "MISC", "negative");
  label_with_entity ("Scandale au conseil municipal de la ville.", "Scandale", "MISC", "negative");
}

static void
test_targets_off (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) p = new_pipeline ("targets: false", NULL, &error);
  g_autoptr (TamisDoc) doc = tamis_doc_new ("t", "Meta a publié d'excellents résultats.", -1, &error);

  g_assert_no_error (error);
  add_entity (doc, "Meta", 0, "Meta", "ORG");
  process (p, doc);
  g_assert_null (tamis_doc_get_layer (doc, "mention_sentiment"));
  g_assert_cmpstr (tamis_doc_get_string (doc, "sentiment"), ==, "positive");
}

static char *
write_file (const char *dir, const char *name, const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* A user lexicon, relative to the pipeline file, overrides the plugin's. */
static void
test_user_lexicon (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-sentiment-XXXXXX", &error);
  g_autofree char *lex = write_file (dir, "mine.tsv", "#term\tlabel\tweight\n"
                                                      "# a house list\n"
                                                      "excellent\tNEG\t-2\n"
                                                      "cartonne\tPOS\t2.5\n");
  g_autofree char *pipe = g_build_filename (dir, "p.yaml", NULL);
  g_autoptr (TamisPipeline) p = new_pipeline ("lexicons: {fr: mine.tsv}", pipe, &error);
  g_autoptr (TamisDoc) d1 = tamis_doc_new ("t", "Le résultat est excellent.", -1, NULL);
  g_autoptr (TamisDoc) d2 = tamis_doc_new ("t", "Le nouveau modèle cartonne.", -1, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  tamis_doc_set_string (d1, "lang", "fr");
  tamis_doc_set_string (d2, "lang", "fr");
  process (p, d1);
  process (p, d2);
  g_assert_cmpstr (tamis_doc_get_string (d1, "sentiment"), ==, "negative");
  g_assert_cmpstr (tamis_doc_get_string (d2, "sentiment"), ==, "positive");

  /* a list of files: the later one overrides the earlier */
  {
    g_autofree char *lex2 = write_file (dir, "more.tsv", "#term\tlabel\tweight\n"
                                                         "cartonne\tNEG\t-1\n"
                                                         "flop\tNEG\t-2\n");
    g_autoptr (TamisPipeline) p2 = new_pipeline ("lexicons: {fr: [mine.tsv, more.tsv]}", pipe, &error);
    g_autoptr (TamisDoc) d3 = tamis_doc_new ("t", "Le nouveau modèle cartonne.", -1, NULL);
    g_autoptr (TamisDoc) d4 = tamis_doc_new ("t", "Le résultat est excellent.", -1, NULL);

    g_assert_no_error (error);
    tamis_doc_set_string (d3, "lang", "fr");
    tamis_doc_set_string (d4, "lang", "fr");
    process (p2, d3);
    process (p2, d4);
    g_assert_cmpstr (tamis_doc_get_string (d3, "sentiment"), ==, "negative");
    g_assert_cmpstr (tamis_doc_get_string (d4, "sentiment"), ==, "negative");
    g_unlink (lex2);
  }
  g_unlink (lex);
  g_rmdir (dir);
}

static void
assert_refused (const char *dir, const char *contents, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *lex = write_file (dir, "bad.tsv", contents);
  g_autofree char *options = g_strdup_printf ("lexicons: {all: '%s'}", lex);
  g_autoptr (TamisPipeline) p = new_pipeline (options, NULL, &error);

  g_assert_null (p);
  g_assert_nonnull (error);
  if (strstr (error->message, message) == NULL)
    g_error ("expected \"%s\" in: %s", message, error->message);
  g_unlink (lex);
}

static void
test_malformed (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-sentiment-XXXXXX", &error);

  g_assert_no_error (error);
  assert_refused (dir, "#term\tlabel\tweight\nbon\tPOS\t1.5\nmauvais\tNEG\tbeaucoup\n", "bad.tsv:3: ");
  assert_refused (dir, "bon\tPOS\t1.5\n\n# comment\nfameux\tGOOD\t2\n", "bad.tsv:4: label 'GOOD' is not one of");
  assert_refused (dir, "très\tINTENSIFIER\t-1\n", "bad.tsv:1: the weight of a INTENSIFIER entry");
  g_rmdir (dir);
}

/* Layers and document attributes share one namespace in pipelines: the
 * layers have names of their own, so that 'output: layers' can list them. */
static void
test_output_layers (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) p = tamis_pipeline_new_from_data (
    "tamis: 1\nstages:\n  - segment\n  - sentiment\n"
    "output:\n  layers: [sentence_sentiment, sentiment_cue, mention_sentiment]\n",
    -1, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
}

static void
test_options (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) p1 = new_pipeline ("languages: [xx]", NULL, &error);

  g_assert_null (p1);
  g_assert_nonnull (strstr (error->message, "no rules.tsv for language 'xx'"));
  g_clear_error (&error);
  {
    g_autoptr (TamisPipeline) p2 = new_pipeline ("languages: [en]", NULL, &error);
    g_autoptr (TamisDoc) doc = tamis_doc_new ("t", "Les résultats sont excellents.", -1, NULL);
    g_assert_no_error (error);
    tamis_doc_set_string (doc, "lang", "fr");
    process (p2, doc); /* a language not loaded: the lexicons of those that are */
    g_assert_nonnull (tamis_doc_get_string (doc, "sentiment"));
  }
  {
    g_autoptr (TamisPipeline) p3 = new_pipeline ("neutral_threshold: 0.9", NULL, &error);
    g_autoptr (TamisDoc) doc = tamis_doc_new ("t", "The results were good.", -1, NULL);
    g_assert_no_error (error);
    process (p3, doc);
    g_assert_cmpstr (tamis_doc_get_string (doc, "sentiment"), ==, "neutral");
  }
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  default_pipeline = new_pipeline (NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/sentiment/polar", test_polar);
  g_test_add_func ("/sentiment/negation", test_negation);
  g_test_add_func ("/sentiment/contrast", test_contrast);
  g_test_add_func ("/sentiment/intensity", test_intensity);
  g_test_add_func ("/sentiment/neutral", test_neutral);
  g_test_add_func ("/sentiment/financial", test_financial);
  g_test_add_func ("/sentiment/conditional-question-quotes", test_conditional_question_quotes);
  g_test_add_func ("/sentiment/cues", test_cues);
  g_test_add_func ("/sentiment/document", test_document);
  g_test_add_func ("/sentiment/entities", test_entities);
  g_test_add_func ("/sentiment/entity-moves", test_entity_moves);
  g_test_add_func ("/sentiment/entity-anaphor", test_entity_anaphor);
  g_test_add_func ("/sentiment/entities-pipeline", test_entities_pipeline);
  g_test_add_func ("/sentiment/cues-in-names", test_cues_in_names);
  g_test_add_func ("/sentiment/targets-off", test_targets_off);
  g_test_add_func ("/sentiment/user-lexicon", test_user_lexicon);
  g_test_add_func ("/sentiment/malformed", test_malformed);
  g_test_add_func ("/sentiment/output-layers", test_output_layers);
  g_test_add_func ("/sentiment/options", test_options);
  status = g_test_run ();
  tamis_pipeline_free (default_pipeline);
  return status;
}
