/* Tests of the entities plugin: names in French and English news, the
 * rules around them (titles, cues, elisions, words that are never names),
 * coreference, options, and the errors of bad data files. */
#include <tamis/tamis.h>

#include <glib/gstdio.h>
#include <string.h>

typedef struct {
  char *text;
  const char *label;
  char *canonical;
} Found;

static void
found_free (Found *f)
{
  g_free (f->text);
  g_free (f->canonical);
  g_free (f);
}

static TamisPipeline *
pipeline_with (const char *options, GError **error)
{
  g_autofree char *yaml = g_strdup_printf ("tamis: 1\nstages:\n  - segment\n  - entities: {%s}\n",
                                           options ? options : "");
  return tamis_pipeline_new_from_data (yaml, -1, NULL, NULL, error);
}

static TamisPipeline *
pipeline (const char *options)
{
  g_autoptr (GError) error = NULL;
  TamisPipeline *p = pipeline_with (options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

/* runs @p on @text, whose language is @lang (as langid would say) */
static GPtrArray *
run_with (TamisPipeline *p, const char *lang, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisDoc) doc = tamis_doc_new ("t", text, -1, &error);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) found_free);

  g_assert_no_error (error);
  if (lang != NULL)
    tamis_doc_set_string (doc, "lang", lang);
  g_assert_true (tamis_pipeline_process (p, doc, &error));
  g_assert_no_error (error);
  const TamisLayer *layer = tamis_doc_get_layer (doc, "entity");
  for (guint i = 0; layer != NULL && i < tamis_layer_get_n_spans (layer); i++) {
    Found *f = g_new0 (Found, 1);
    guint32 start = tamis_layer_get_start (layer, i), end = tamis_layer_get_end (layer, i);
    f->text = g_strndup (text + start, end - start);
    f->label = tamis_layer_get_label (layer, i);
    f->canonical = g_strdup (tamis_layer_get_string (layer, i, "canonical"));
    double score = tamis_layer_get_score (layer, i);
    g_assert_cmpfloat (score, >=, 0);
    g_assert_cmpfloat (score, <=, 1);
    g_ptr_array_add (out, f);
  }
  return out;
}

static TamisPipeline *shared;

static GPtrArray *
run (const char *lang, const char *text)
{
  if (shared == NULL)
    shared = pipeline (NULL);
  return run_with (shared, lang, text);
}

/* The mention of @text (its @nth occurrence among mentions), or NULL. */
static const Found *
find (GPtrArray *found, const char *text, guint nth)
{
  for (guint i = 0; i < found->len; i++) {
    const Found *f = found->pdata[i];
    if (g_str_equal (f->text, text) && nth-- == 0)
      return f;
  }
  return NULL;
}

static void
assert_entity (GPtrArray *found, const char *text, const char *label, const char *canonical)
{
  const Found *f = find (found, text, 0);

  if (f == NULL) {
    g_autoptr (GString) all = g_string_new (NULL);
    for (guint i = 0; i < found->len; i++)
      g_string_append_printf (all, " [%s %s]", ((Found *) found->pdata[i])->label,
                              ((Found *) found->pdata[i])->text);
    g_error ("'%s' not found; found:%s", text, all->str);
  }
  g_assert_cmpstr (f->label, ==, label);
  if (canonical != NULL)
    g_assert_cmpstr (f->canonical, ==, canonical);
}

/* @text does not appear as whole words in any name */
static void
assert_no_entity (GPtrArray *found, const char *text)
{
  gsize n = strlen (text);

  for (guint i = 0; i < found->len; i++) {
    const Found *f = found->pdata[i];
    for (const char *p = strstr (f->text, text); p != NULL; p = strstr (p + 1, text)) {
      gboolean starts = p == f->text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
      gboolean ends = p[n] == '\0' || !g_unichar_isalnum (g_utf8_get_char (p + n));
      if (starts && ends)
        g_error ("'%s' should not be in a name, found in [%s %s]", text, f->label, f->text);
    }
  }
}

static void
test_french_news (void)
{
  g_autoptr (GPtrArray) f = run ("fr",
    "Selon Mark Zuckerberg, PDG de Meta, l’IA coûtera 65 milliards de dollars cette année. "
    "Cependant, Zuckerberg reste confiant face à DeepSeek et à Nvidia.");

  assert_entity (f, "Mark Zuckerberg", "PER", "Mark Zuckerberg");
  assert_entity (f, "Meta", "ORG", "Meta");
  assert_entity (f, "DeepSeek", "ORG", NULL);
  assert_entity (f, "Nvidia", "ORG", NULL);
  /* a later family name joins the full name */
  assert_entity (f, "Zuckerberg", "PER", "Mark Zuckerberg");
  assert_no_entity (f, "IA");
  assert_no_entity (f, "PDG");
  assert_no_entity (f, "Cependant");
}

static void
test_english_news (void)
{
  g_autoptr (GPtrArray) f = run ("en",
    "However, Nvidia’s shares fell 17% as Japan's SoftBank said it would back OpenAI's "
    "Stargate project. GDP rose and the CEO of Microsoft, Satya Nadella, met Yann LeCun in "
    "Manhattan. Nadella later flew to Silicon Valley to present Llama 4 and ChatGPT.");

  /* possessives stay outside */
  assert_entity (f, "Nvidia", "ORG", NULL);
  assert_entity (f, "Japan", "LOC", NULL);
  assert_entity (f, "SoftBank", "ORG", NULL);
  assert_entity (f, "OpenAI", "ORG", NULL);
  assert_entity (f, "Stargate", "MISC", NULL);
  assert_entity (f, "Microsoft", "ORG", NULL);
  assert_entity (f, "Satya Nadella", "PER", NULL);
  assert_entity (f, "Nadella", "PER", "Satya Nadella");
  assert_entity (f, "Yann LeCun", "PER", NULL);
  assert_entity (f, "Manhattan", "LOC", NULL);
  assert_entity (f, "Silicon Valley", "LOC", NULL);
  assert_entity (f, "Llama 4", "MISC", NULL);
  assert_entity (f, "ChatGPT", "MISC", NULL);
  assert_no_entity (f, "However");
  assert_no_entity (f, "GDP");
  assert_no_entity (f, "CEO");
}

/* Elided articles stay outside names. */
static void
test_elisions (void)
{
  g_autoptr (GPtrArray) f = run ("fr",
    "Les dirigeants d’OpenAI ont rencontré ceux de l’Union européenne et d'Airbus à Bruxelles.");

  assert_entity (f, "OpenAI", "ORG", NULL);
  assert_entity (f, "Union européenne", "ORG", NULL);
  assert_entity (f, "Airbus", "ORG", NULL);
  assert_entity (f, "Bruxelles", "LOC", NULL);
}

/* Names no list knows, typed by their titles, roles, suffixes and
 * prepositions: every name below is made up. */
static void
test_unknown_names_french (void)
{
  g_autoptr (GPtrArray) f = run ("fr",
    "M. Kwadwo Asante-Boateng, directeur financier du groupe Veltrionix, a déclaré que la société "
    "ouvrira un site à Plouzévédé. Le modèle Vortan-3 de la start-up Quillara dépasse ChatGPT, "
    "selon Inès Barthomieu.");

  assert_entity (f, "Kwadwo Asante-Boateng", "PER", NULL);
  assert_entity (f, "Veltrionix", "ORG", NULL);
  assert_entity (f, "Plouzévédé", "LOC", NULL);
  assert_entity (f, "Vortan-3", "MISC", NULL);
  assert_entity (f, "Quillara", "ORG", NULL);
  assert_entity (f, "Inès Barthomieu", "PER", NULL);
  /* the title is not part of the name */
  assert_no_entity (f, "M. ");
}

static void
test_unknown_names_english (void)
{
  g_autoptr (GPtrArray) f = run ("en",
    "\"We are confident,\" said Thandiwe Mokoena, chief executive of Brightwater Holdings, in "
    "Castlemorton on Tuesday. The Glorvex X2 chip, made by Tarnwell Inc., beat expectations, "
    "according to analyst Priyanka Deshmukh.");

  assert_entity (f, "Thandiwe Mokoena", "PER", NULL);
  assert_entity (f, "Brightwater Holdings", "ORG", NULL);
  assert_entity (f, "Castlemorton", "LOC", NULL);
  assert_entity (f, "Glorvex X2", "MISC", NULL);
  assert_entity (f, "Priyanka Deshmukh", "PER", NULL);
  assert_no_entity (f, "Tuesday");
}

/* Acronyms that are names and acronyms that are not; names whose words
 * are joined by `de`, `of`. */
static void
test_acronyms_and_connectors (void)
{
  g_autoptr (GPtrArray) f = run ("fr",
    "Le courtier FXTM et NVIDIA ont profité de la hausse du PIB, selon la Banque de France. "
    "L’Université de Miami achète des GPU pour son laboratoire d’IA en Amérique du Nord.");
  assert_entity (f, "FXTM", "ORG", NULL);
  assert_entity (f, "NVIDIA", "ORG", NULL);
  assert_entity (f, "Banque de France", "ORG", NULL);
  assert_entity (f, "Université de Miami", "ORG", NULL);
  assert_entity (f, "Amérique du Nord", "LOC", NULL);
  assert_no_entity (f, "PIB");
  assert_no_entity (f, "GPU");
  assert_no_entity (f, "IA");

  g_autoptr (GPtrArray) g = run ("en",
    "Bank of America and the University of Michigan said GDP growth helped the CEO of IBM buy "
    "more GPUs for its AI lab in the Bay Area.");
  assert_entity (g, "Bank of America", "ORG", NULL);
  assert_entity (g, "University of Michigan", "ORG", NULL);
  assert_entity (g, "IBM", "ORG", NULL);
  assert_entity (g, "Bay Area", "LOC", NULL);
  assert_no_entity (g, "GDP");
  assert_no_entity (g, "CEO");
  assert_no_entity (g, "GPUs");
  assert_no_entity (g, "AI");
}

/* A capitalised verb after a name, as machine translation leaves them. */
static void
test_translation_artefacts (void)
{
  g_autoptr (GPtrArray) f = run ("fr", "Dario Amodei Dit que Anthropic veut lever 5 milliards de dollars.");

  assert_entity (f, "Dario Amodei", "PER", NULL);
  assert_entity (f, "Anthropic", "ORG", NULL);
  assert_no_entity (f, "Dit");
}

static void
test_coreference (void)
{
  g_autoptr (GPtrArray) f = run ("fr",
    "La Banque centrale européenne (BCE) a relevé ses taux jeudi. La BCE juge l’inflation trop "
    "forte. Méta et Meta ne sont qu'une seule entreprise.");

  assert_entity (f, "Banque centrale européenne", "ORG", "Banque centrale européenne");
  const Found *bce = find (f, "BCE", 0), *bce2 = find (f, "BCE", 1);
  g_assert_nonnull (bce);
  g_assert_nonnull (bce2);
  g_assert_cmpstr (bce->canonical, ==, "Banque centrale européenne");
  g_assert_cmpstr (bce2->canonical, ==, "Banque centrale européenne");
  assert_entity (f, "Méta", "ORG", "Meta");
  assert_entity (f, "Meta", "ORG", "Meta");
}

/* A family name met before the full name still takes it. */
static void
test_coreference_backwards (void)
{
  g_autoptr (GPtrArray) f = run ("fr",
    "Zuckerberg a tranché. Mark Zuckerberg a annoncé que Meta dépenserait 65 milliards.");
  assert_entity (f, "Zuckerberg", "PER", "Mark Zuckerberg");
}

static void
test_option_labels (void)
{
  g_autoptr (TamisPipeline) p = pipeline ("labels: [PER]");
  g_autoptr (GPtrArray) f = run_with (p, "fr", "Selon Mark Zuckerberg, Meta investira à Paris.");

  assert_entity (f, "Mark Zuckerberg", "PER", NULL);
  g_assert_cmpuint (f->len, ==, 1);
}

static void
test_option_coreference_off (void)
{
  g_autoptr (TamisPipeline) p = pipeline ("coreference: false");
  g_autoptr (GPtrArray) f = run_with (p, "fr", "Mark Zuckerberg dirige Meta. Zuckerberg a parlé.");
  const Found *z = find (f, "Zuckerberg", 0);

  assert_entity (f, "Mark Zuckerberg", "PER", NULL);
  if (z != NULL)
    g_assert_cmpstr (z->canonical, ==, "Zuckerberg");
}

static char *
write_temp (const char *name, const char *contents)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tamis-entities-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_unlink (path);
  g_rmdir (dir);
}

/* A user's entries add names and replace the plugin's for the same term. */
static void
test_user_gazetteer (void)
{
  g_autofree char *path = write_temp ("names.tsv",
                                      "#term\tlabel\tweight\tcanonical\n"
                                      "Zorblax\tORG\t1\tZorblax Industries\n"
                                      "Zorblax Industries\tORG\t1\n"
                                      "Nvidia\tMISC\t1\n");
  g_autofree char *opts = g_strdup_printf ("gazetteers: ['%s']", path);
  g_autoptr (TamisPipeline) p = pipeline (opts);
  g_autoptr (GPtrArray) f = run_with (p, "fr", "Zorblax Industries a racheté une usine. Zorblax emploie 300 personnes.");

  assert_entity (f, "Zorblax Industries", "ORG", "Zorblax Industries");
  g_autoptr (GPtrArray) g = run_with (p, "fr", "Les puces que Nvidia vend se vendent bien.");
  assert_entity (g, "Nvidia", "MISC", NULL);
  remove_temp (path);
}

static void
test_bad_gazetteer_line (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = write_temp ("bad.tsv", "#term\tlabel\tweight\nMeta\tORG\t1\nBlorp\tCOMPANY\t1\n");
  g_autofree char *opts = g_strdup_printf ("gazetteers: ['%s']", path);
  g_autoptr (TamisPipeline) p = pipeline_with (opts, &error);

  g_assert_null (p);
  g_assert_nonnull (error);
  g_autofree char *where = g_strdup_printf ("bad.tsv:3:");
  g_assert_nonnull (strstr (error->message, where));
  g_assert_nonnull (strstr (error->message, "COMPANY"));
  remove_temp (path);
}

static void
test_bad_model (void)
{
  g_autoptr (GError) error = NULL;
  /* a model of a future format version */
  static const char future[] = "TAMISENT\x09\0\0\0\x01\0\0\0\x09\0\0\0\x12\0\0\0\0\0\0\0";
  g_autofree char *path = write_temp ("future.bin", "");
  g_assert_true (g_file_set_contents (path, future, sizeof future - 1, NULL));
  g_autofree char *opts = g_strdup_printf ("model: '%s'", path);
  g_autoptr (TamisPipeline) p = pipeline_with (opts, &error);

  g_assert_null (p);
  g_assert_nonnull (strstr (error->message, "format 9"));
  g_assert_nonnull (strstr (error->message, "tamis-train-entities"));
  remove_temp (path);

  g_clear_error (&error);
  g_autofree char *junk = write_temp ("junk.bin", "not a model at all, just text");
  g_autofree char *opts2 = g_strdup_printf ("model: '%s'", junk);
  g_autoptr (TamisPipeline) p2 = pipeline_with (opts2, &error);
  g_assert_null (p2);
  g_assert_nonnull (strstr (error->message, "not a usable entity model"));
  remove_temp (junk);
}

/* Documents in a language the stage was not given are left alone. */
static void
test_other_language (void)
{
  g_autoptr (TamisPipeline) p = pipeline ("languages: [fr]");
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisDoc) doc = tamis_doc_new ("t", "Angela Merkel besuchte Berlin.", -1, &error);

  tamis_doc_set_string (doc, "lang", "de");
  g_assert_true (tamis_pipeline_process (p, doc, &error));
  const TamisLayer *layer = tamis_doc_get_layer (doc, "entity");
  g_assert_true (layer == NULL || tamis_layer_get_n_spans (layer) == 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entities/french-news", test_french_news);
  g_test_add_func ("/entities/english-news", test_english_news);
  g_test_add_func ("/entities/elisions", test_elisions);
  g_test_add_func ("/entities/unknown-names-french", test_unknown_names_french);
  g_test_add_func ("/entities/unknown-names-english", test_unknown_names_english);
  g_test_add_func ("/entities/acronyms-and-connectors", test_acronyms_and_connectors);
  g_test_add_func ("/entities/translation-artefacts", test_translation_artefacts);
  g_test_add_func ("/entities/coreference", test_coreference);
  g_test_add_func ("/entities/coreference-backwards", test_coreference_backwards);
  g_test_add_func ("/entities/option-labels", test_option_labels);
  g_test_add_func ("/entities/option-coreference-off", test_option_coreference_off);
  g_test_add_func ("/entities/user-gazetteer", test_user_gazetteer);
  g_test_add_func ("/entities/bad-gazetteer-line", test_bad_gazetteer_line);
  g_test_add_func ("/entities/bad-model", test_bad_model);
  g_test_add_func ("/entities/other-language", test_other_language);
  int status = g_test_run ();
  g_clear_pointer (&shared, tamis_pipeline_free);
  return status;
}
