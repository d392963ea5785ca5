/* Tests of the relations plugin: amounts tied to their owner by subject,
 * possessive, apposition, agent, leader and coreference in French and
 * English; the relation and its cue; amounts left alone; languages and
 * options. The names are ones the entities plugin knows. */
#include <string.h>
#include <tamis/tamis.h>

static TamisPipeline *default_pipeline;

static TamisPipeline *
new_pipeline (const char *options, GError **error)
{
  g_autofree char *yaml = g_strdup_printf ("tamis: 1\nstages:\n  - segment\n  - money\n  - entities\n"
                                           "  - relations: {%s}\n", options ? options : "");
  return tamis_pipeline_new_from_data (yaml, -1, NULL, NULL, error);
}

static TamisDoc *
run_with (TamisPipeline *pipeline, const char *lang, const char *text)
{
  g_autoptr (GError) error = NULL;
  TamisDoc *doc = tamis_doc_new ("t", text, -1, &error);

  g_assert_no_error (error);
  tamis_doc_set_string (doc, "lang", lang);
  g_assert_true (tamis_pipeline_process (pipeline, doc, &error));
  g_assert_no_error (error);
  g_assert_null (tamis_doc_get_error_code (doc));
  return doc;
}

/* The relation span over the amount @amount of @text, or -1. */
static int
relation_of (TamisDoc *doc, const char *amount)
{
  const char *text = tamis_doc_get_text (doc);
  const char *p = strstr (text, amount);
  const TamisLayer *money = tamis_doc_get_layer (doc, "money");
  const TamisLayer *rel = tamis_doc_get_layer (doc, "relation");
  guint32 start, end;
  int found = -1;

  g_assert_nonnull (p);
  g_assert_nonnull (money);
  start = end = 0;
  for (guint i = 0; i < tamis_layer_get_n_spans (money); i++)
    if (tamis_layer_get_start (money, i) <= (guint32) (p - text) &&
        tamis_layer_get_end (money, i) > (guint32) (p - text))
      {
        start = tamis_layer_get_start (money, i);
        end = tamis_layer_get_end (money, i);
      }
  if (end == 0)
    g_error ("\"%s\": money finds no amount at \"%s\"", text, amount);
  for (guint i = 0; rel != NULL && i < tamis_layer_get_n_spans (rel); i++)
    if (tamis_layer_get_start (rel, i) == start && tamis_layer_get_end (rel, i) == end)
      found = (int) i;
  return found;
}

/* The amount @amount of @text belongs to @entity with @relation (and the
 * cue @cue and rule @rule when not NULL); @entity NULL: to no one. */
static void
assert_tie (const char *lang, const char *text, const char *amount, const char *entity, const char *relation,
            const char *cue, const char *rule)
{
  g_autoptr (TamisDoc) doc = run_with (default_pipeline, lang, text);
  const TamisLayer *rel = tamis_doc_get_layer (doc, "relation");
  int i = relation_of (doc, amount);

  if (entity == NULL)
    {
      if (i >= 0)
        g_error ("\"%s\": %s tied to %s (%s), expected no one", text, amount,
                 tamis_layer_get_string (rel, i, "entity"), tamis_layer_get_string (rel, i, "rule"));
      return;
    }
  if (i < 0)
    g_error ("\"%s\": %s tied to no one, expected %s", text, amount, entity);
  if (g_strcmp0 (tamis_layer_get_string (rel, i, "entity"), entity) != 0 ||
      g_strcmp0 (tamis_layer_get_label (rel, i), relation) != 0 ||
      (cue != NULL && g_strcmp0 (tamis_layer_get_string (rel, i, "cue"), cue) != 0) ||
      (rule != NULL && g_strcmp0 (tamis_layer_get_string (rel, i, "rule"), rule) != 0))
    g_error ("\"%s\": %s is %s %s (cue '%s', rule %s), expected %s %s (cue '%s', rule %s)", text, amount,
             tamis_layer_get_string (rel, i, "entity"), tamis_layer_get_label (rel, i),
             tamis_layer_get_string (rel, i, "cue"), tamis_layer_get_string (rel, i, "rule"), entity,
             relation, cue ? cue : "*", rule ? rule : "*");
}

static void
test_subject (void)
{
  assert_tie ("fr", "Meta va dépenser 65 milliards de dollars cette année.", "65", "Meta", "spends",
              "dépenser", "subject");
  assert_tie ("en", "Microsoft plans to spend $80bn on data centres this year.", "$80bn", "Microsoft",
              "spends", "spend", "subject");
  assert_tie ("fr", "Microsoft prévoit d'investir environ 80 milliards de dollars dans l'IA.", "80",
              "Microsoft", "invests", "investir", "subject");
  assert_tie ("en", "Nvidia lost $590 billion in market value on Monday.", "$590", "Nvidia", "loses", "lost",
              "subject");
  /* the verb beside the amount decides, not the noun after it */
  assert_tie ("fr", "Tesla a perdu 150 milliards de dollars de valeur boursière en une séance.", "150",
              "Tesla", "loses", "perdu", NULL);
}

static void
test_possessive (void)
{
  assert_tie ("en", "Meta's $65bn capital expenditure plan surprised investors.", "$65bn", "Meta",
              "invests", "capital expenditure", "possessive");
  assert_tie ("fr", "Les 65 milliards de dollars d'investissement de Meta inquiètent les analystes.", "65",
              "Meta", "invests", "investissement", "possessive");
  assert_tie ("fr", "La capitalisation de Nvidia a atteint 3 000 milliards de dollars mardi.", "3 000",
              "Nvidia", "values", "capitalisation", "possessive");
  assert_tie ("en", "Tesla's revenue rose 8% to $25 billion in the quarter.", "$25", "Tesla", "earns",
              "revenue", "possessive");
}

static void
test_apposition_agent (void)
{
  assert_tie ("fr", "DeepSeek, dont le modèle a coûté 5,6 millions de dollars, bouscule la Silicon Valley.",
              "5,6", "DeepSeek", "spends", "coûté", "apposition");
  assert_tie ("en", "DeepSeek, whose model cost just $5.6 million to train, rattled Silicon Valley.", "$5.6",
              "DeepSeek", "spends", "cost", "apposition");
  assert_tie ("fr", "Les 38 milliards de dollars dépensés par Meta l'an dernier ont surpris.", "38", "Meta",
              "spends", "dépensés", "agent");
  /* the authority that fines owns nothing; the one fined does */
  assert_tie ("en", "Boeing was fined $200 million by the SEC.", "$200", "Boeing", "is fined", "fined",
              "subject");
  assert_tie ("fr", "Apple a été condamné à une amende de 1,8 milliard d'euros.", "1,8", "Apple", "is fined",
              "amende", NULL);
}

static void
test_leader (void)
{
  assert_tie ("fr",
              "Mark Zuckerberg, le PDG de Meta, a dévoilé des dépenses d'investissement de 60 à 65 milliards de dollars.",
              "60", "Meta", "invests", "dépenses d'investissement", "leader");
  assert_tie ("en", "Microsoft CEO Satya Nadella announced a $3 billion investment in India.", "$3", "Microsoft",
              "invests", "investment", "leader");
}

static void
test_coreference (void)
{
  assert_tie ("fr", "Microsoft a dit plus tôt ce mois-ci qu'il dépenserait 80 milliards de dollars.", "80",
              "Microsoft", "spends", "dépenserait", NULL);
  assert_tie ("fr", "Amazon a publié ses résultats mardi. Le groupe a dépensé 20 milliards de dollars.", "20",
              "Amazon", "spends", "dépensé", "coreference");
  assert_tie ("en", "Amazon published its results on Tuesday. The company spent $20 billion.", "$20", "Amazon",
              "spends", "spent", "coreference");
  /* the same amount again, without a name */
  assert_tie ("fr",
              "Meta envisage d'investir entre 60 et 65 milliards de dollars cette année. "
              "Les analystes ont salué ces 60 à 65 milliards de dollars.",
              "60 à 65", "Meta", "other", "", "repeat");
}

static void
test_nobody (void)
{
  assert_tie ("fr", "Le marché mondial des semi-conducteurs pèse plus de 500 milliards de dollars.", "500", NULL,
              NULL, NULL, NULL);
  assert_tie ("fr", "Selon Google, le secteur pourrait dépenser 1 000 milliards de dollars d'ici 2030.", "1 000",
              NULL, NULL, NULL, NULL);
  assert_tie ("en", "The company has raised $120 million so far.", "$120", NULL, NULL, NULL, NULL);
  assert_tie ("en", "The average ticket price is $45.", "$45", NULL, NULL, NULL, NULL);
  /* a country spends only through its government */
  assert_tie ("en", "Qatar invested $10 billion in European companies.", "$10", NULL, NULL, NULL, NULL);
}

static void
test_cue_layer (void)
{
  g_autoptr (TamisDoc) doc = run_with (default_pipeline, "en", "Microsoft plans to spend $80bn on data centres.");
  const TamisLayer *cues = tamis_doc_get_layer (doc, "relation_cue");
  const TamisLayer *rel = tamis_doc_get_layer (doc, "relation");
  const TamisLayer *money = tamis_doc_get_layer (doc, "money");

  g_assert_nonnull (cues);
  g_assert_cmpuint (tamis_layer_get_n_spans (cues), ==, 1);
  g_assert_cmpstr (tamis_layer_get_label (cues, 0), ==, "spends");
  g_assert_cmpstr (tamis_layer_get_string (cues, 0, "entity"), ==, "Microsoft");
  g_assert_cmpuint (tamis_layer_get_start (cues, 0), ==, strlen ("Microsoft plans to "));
  g_assert_cmpuint (tamis_layer_get_end (cues, 0), ==, strlen ("Microsoft plans to spend"));
  g_assert_cmpuint (tamis_layer_get_n_spans (rel), ==, 1);
  g_assert_cmpuint (tamis_layer_get_start (rel, 0), ==, tamis_layer_get_start (money, 0));
  g_assert_cmpuint (tamis_layer_get_end (rel, 0), ==, tamis_layer_get_end (money, 0));
  g_assert_cmpstr (tamis_layer_get_string (rel, 0, "entity_type"), ==, "ORG");
  g_assert_cmpfloat (tamis_layer_get_score (rel, 0), >, 0.5);
}

static void
test_languages_options (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) en_only = new_pipeline ("languages: [en]", &error);
  g_autoptr (TamisPipeline) strict = NULL;
  g_autoptr (TamisPipeline) bad = NULL;

  g_assert_no_error (error);
  {
    /* a French document when only English is loaded: nothing */
    g_autoptr (TamisDoc) doc = run_with (en_only, "fr", "Meta va dépenser 65 milliards de dollars cette année.");
    const TamisLayer *rel = tamis_doc_get_layer (doc, "relation");
    g_assert_true (rel == NULL || tamis_layer_get_n_spans (rel) == 0);
  }
  strict = new_pipeline ("min_score: 0.95", &error);
  g_assert_no_error (error);
  {
    g_autoptr (TamisDoc) doc = run_with (strict, "fr", "Meta va dépenser 65 milliards de dollars cette année.");
    const TamisLayer *rel = tamis_doc_get_layer (doc, "relation");
    g_assert_true (rel == NULL || tamis_layer_get_n_spans (rel) == 0);
  }
  bad = new_pipeline ("languages: [xx]", &error);
  g_assert_null (bad);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "xx"));
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  default_pipeline = new_pipeline (NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/relations/subject", test_subject);
  g_test_add_func ("/relations/possessive", test_possessive);
  g_test_add_func ("/relations/apposition-agent", test_apposition_agent);
  g_test_add_func ("/relations/leader", test_leader);
  g_test_add_func ("/relations/coreference", test_coreference);
  g_test_add_func ("/relations/nobody", test_nobody);
  g_test_add_func ("/relations/cue-layer", test_cue_layer);
  g_test_add_func ("/relations/languages-options", test_languages_options);
  status = g_test_run ();
  tamis_pipeline_free (default_pipeline);
  return status;
}
