/* Tests of pipeline loading: schema, validation errors with positions,
 * stage options, when:, and failures of one document. */
#include <string.h>

#include <glib/gstdio.h>
#include <tamis/tamis.h>

static TamisPipeline *
load (const char *yaml, GError **error)
{
  return tamis_pipeline_new_from_data (yaml, -1, "test.yaml", NULL, error);
}

/* Loads @yaml, expects a config error whose message starts with @prefix
 * and contains @part. */
static void
expect_error (const char *yaml, const char *prefix, const char *part)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) p = load (yaml, &error);

  g_assert_null (p);
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, prefix) || (part && !strstr (error->message, part)))
    g_error ("unexpected message: %s (wanted %s…%s)", error->message, prefix, part ? part : "");
}

static void
test_options (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) p = load ("tamis: 1\n"
                                      "name: probe-test\n"
                                      "stages:\n"
                                      "  - probe:\n"
                                      "      label: hit\n"
                                      "      count: 3\n"
                                      "      weight: 2.5\n"
                                      "      upper: yes\n"
                                      "      langs: [fr, en]\n"
                                      "      file: data/x.tsv\n"
                                      "      nested: {inner: deep}\n",
                                      &error);
  g_autoptr (TamisDoc) doc = tamis_doc_new ("d", "Meta investit.", -1, NULL);
  const TamisLayer *layer;
  TamisValue value;

  g_assert_no_error (error);
  g_assert_cmpstr (tamis_pipeline_get_name (p), ==, "probe-test");
  g_assert_cmpuint (tamis_pipeline_get_n_stages (p), ==, 1);
  g_assert_true (tamis_pipeline_process (p, doc, &error));
  g_assert_no_error (error);

  layer = tamis_doc_get_layer (doc, "probe");
  g_assert_nonnull (layer);
  g_assert_cmpuint (tamis_layer_get_n_spans (layer), ==, 3);
  /* written in reverse, sorted by the core: equal starts, longest first */
  g_assert_cmpuint (tamis_layer_get_end (layer, 0), >, tamis_layer_get_end (layer, 2));
  g_assert_cmpstr (tamis_layer_get_label (layer, 0), ==, "hit");
  g_assert_true (tamis_doc_get_attr (doc, "weight", &value));
  g_assert_cmpfloat (value.d, ==, 2.5);
  g_assert_true (tamis_doc_get_attr (doc, "upper", &value) && value.b);
  g_assert_cmpstr (tamis_doc_get_string (doc, "first_lang"), ==, "fr");
  g_assert_cmpstr (tamis_doc_get_string (doc, "file"), ==, "./data/x.tsv");
  g_assert_cmpstr (tamis_doc_get_string (doc, "inner"), ==, "deep");
}

static void
test_long_form (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) p = load ("tamis: 1\n"
                                      "input: {format: jsonl, max_size: 2M}\n"
                                      "stages:\n"
                                      "  - plugin: probe\n"
                                      "    with: {count: 2}\n"
                                      "  - needy\n"
                                      "output: {format: tsv, layers: [probe], text: true}\n",
                                      &error);
  g_autoptr (TamisDoc) doc = tamis_doc_new ("d", "DeepSeek", -1, NULL);
  TamisValue value;

  g_assert_no_error (error);
  g_assert_cmpint (tamis_pipeline_get_input_format (p), ==, TAMIS_INPUT_JSONL);
  g_assert_cmpuint (tamis_pipeline_get_max_doc_size (p), ==, 2 * 1024 * 1024);
  g_assert_cmpstr (tamis_pipeline_get_output_format (p), ==, "tsv");
  g_assert_cmpstr (tamis_pipeline_get_output_layers (p)[0], ==, "probe");
  g_assert_true (tamis_pipeline_get_output_text (p));
  g_assert_true (tamis_pipeline_process (p, doc, &error));
  g_assert_cmpuint (tamis_layer_get_n_spans (tamis_doc_get_layer (doc, "probe")), ==, 2);
  g_assert_true (tamis_doc_get_attr (doc, "saw_probe", &value) && value.b);
}

/* output: {attributes:} and the setters the command line's --layers and
 * --attributes use: names no stage writes are refused, nothing changed. */
static void
test_output_choice (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) p = load ("tamis: 1\n"
                                      "stages: [probe, needy]\n"
                                      "output: {attributes: [saw_probe, by]}\n",
                                      &error);
  g_autoptr (TamisPipeline) bad = NULL;
  const char *const layers[] = { "probe", NULL };
  const char *const none[] = { NULL };
  const char *const typo[] = { "saw_prob", NULL };

  g_assert_no_error (error);
  g_assert_cmpstr (tamis_pipeline_get_output_attributes (p)[0], ==, "saw_probe");
  g_assert_cmpstr (tamis_pipeline_get_output_attributes (p)[1], ==, "by");
  g_assert_null (tamis_pipeline_get_output_layers (p));

  g_assert_true (tamis_pipeline_set_output_layers (p, layers, &error));
  g_assert_cmpstr (tamis_pipeline_get_output_layers (p)[0], ==, "probe");
  g_assert_true (tamis_pipeline_set_output_attributes (p, none, &error));
  g_assert_null (tamis_pipeline_get_output_attributes (p)[0]);
  g_assert_false (tamis_pipeline_set_output_attributes (p, typo, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "did you mean 'saw_probe'"));
  g_assert_null (tamis_pipeline_get_output_attributes (p)[0]);
  g_clear_error (&error);
  g_assert_false (tamis_pipeline_set_output_layers (p, typo, &error));
  g_assert_cmpstr (tamis_pipeline_get_output_layers (p)[0], ==, "probe");
  g_clear_error (&error);
  g_assert_true (tamis_pipeline_set_output_layers (p, NULL, &error));
  g_assert_null (tamis_pipeline_get_output_layers (p));

  bad = load ("tamis: 1\nstages: [probe]\noutput: {attributes: [nope]}\n", &error);
  g_assert_null (bad);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, ":3:"));
}

static void
test_when (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) p = load ("tamis: 1\n"
                                      "stages:\n"
                                      "  - langset\n"
                                      "  - probe: {when: {lang: [fr, en]}}\n",
                                      &error);
  g_autoptr (TamisDoc) fr = tamis_doc_new ("fr", "Bonjour", -1, NULL);
  g_autoptr (TamisDoc) de = tamis_doc_new ("de", "Guten Tag", -1, NULL);
  g_autoptr (TamisDoc) none = tamis_doc_new ("none", "???", -1, NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (tamis_pipeline_get_stage_langs (p, 1)[1], ==, "en");
  tamis_doc_set_string (fr, "lang", "fr");
  tamis_doc_set_string (de, "lang", "de");
  g_assert_true (tamis_pipeline_process (p, fr, NULL));
  g_assert_true (tamis_pipeline_process (p, de, NULL));
  g_assert_true (tamis_pipeline_process (p, none, NULL));
  g_assert_nonnull (tamis_doc_get_layer (fr, "probe"));
  g_assert_null (tamis_doc_get_layer (de, "probe"));
  g_assert_null (tamis_doc_get_layer (none, "probe"));
  /* de and none reached probe and were left out by its when: */
  g_assert_cmpuint (tamis_pipeline_get_stage_n_skipped (p, 0), ==, 0);
  g_assert_cmpuint (tamis_pipeline_get_stage_n_skipped (p, 1), ==, 2);
}

/* stages: [] is a pipeline: documents go through as they are, with no
 * "by", to be written in another format or filtered. */
static void
test_no_stages (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) p = load ("tamis: 1\nstages: []\n", &error);
  g_autoptr (TamisDoc) doc = tamis_doc_new ("d", "Bonjour", -1, NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (tamis_pipeline_get_n_stages (p), ==, 0);
  g_assert_true (tamis_pipeline_process (p, doc, &error));
  g_assert_no_error (error);
  g_assert_false (tamis_doc_get_attr (doc, "by", NULL));
  g_assert_null (tamis_pipeline_get_output_where_keys (p)[0]);
  g_assert_true (tamis_pipeline_output_wants (p, doc));
}

static void
test_where (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) p = load ("tamis: 1\n"
                                      "stages: [langset]\n"
                                      "output:\n"
                                      "  where: {lang: [fr, en], n: 3, ok: [true], source: wire}\n",
                                      &error);
  g_autoptr (TamisDoc) doc = tamis_doc_new ("d", "x", -1, NULL);
  g_autoptr (TamisDoc) failed = tamis_doc_new_failed ("f", "empty", "nothing");
  const char *const en[] = { "en", NULL };

  g_assert_no_error (error);
  g_assert_cmpstr (tamis_pipeline_get_output_where_keys (p)[0], ==, "lang");
  g_assert_cmpstr (tamis_pipeline_get_output_where_keys (p)[3], ==, "source");
  g_assert_cmpstr (tamis_pipeline_get_output_where (p, "lang")[1], ==, "en");
  g_assert_cmpstr (tamis_pipeline_get_output_where (p, "n")[0], ==, "3");
  g_assert_null (tamis_pipeline_get_output_where (p, "other"));

  /* every key must match: attributes as text, else string metadata */
  tamis_doc_set_string (doc, "lang", "fr");
  tamis_doc_set_int (doc, "n", 3);
  tamis_doc_set_bool (doc, "ok", TRUE);
  g_assert_false (tamis_pipeline_output_wants (p, doc));
  tamis_doc_set_meta_string (doc, "source", "wire");
  g_assert_true (tamis_pipeline_output_wants (p, doc));
  tamis_doc_set_bool (doc, "ok", FALSE);
  g_assert_false (tamis_pipeline_output_wants (p, doc));
  tamis_doc_set_bool (doc, "ok", TRUE);
  tamis_doc_set_int (doc, "n", 30);
  g_assert_false (tamis_pipeline_output_wants (p, doc));
  tamis_doc_set_int (doc, "n", 3);
  /* an attribute hides metadata of the same name */
  tamis_doc_set_string (doc, "source", "blog");
  g_assert_false (tamis_pipeline_output_wants (p, doc));
  tamis_doc_set_string (doc, "source", "wire");
  g_assert_true (tamis_pipeline_output_wants (p, doc));
  /* a failed document is always written */
  g_assert_true (tamis_pipeline_output_wants (p, failed));

  /* setting a key replaces its values and keeps the other keys */
  tamis_pipeline_set_output_where (p, "lang", en);
  g_assert_false (tamis_pipeline_output_wants (p, doc));
  tamis_doc_set_string (doc, "lang", "en");
  g_assert_true (tamis_pipeline_output_wants (p, doc));
  tamis_pipeline_set_output_where (p, "n", NULL);
  tamis_pipeline_set_output_where (p, "ok", NULL);
  tamis_pipeline_set_output_where (p, "source", NULL);
  g_assert_cmpstr (tamis_pipeline_get_output_where_keys (p)[0], ==, "lang");
  g_assert_null (tamis_pipeline_get_output_where_keys (p)[1]);

  expect_error ("tamis: 1\nstages: []\noutput: {where: [lang]}\n", "test.yaml:3:17:",
                "'output: where' must be a mapping");
  expect_error ("tamis: 1\nstages: []\noutput: {where: {lang: []}}\n", "test.yaml:3:24:",
                "'output: where: lang' lists no value");
  expect_error ("tamis: 1\nstages: []\noutput: {where: {lang: {fr: 1}}}\n", "test.yaml:3:24:",
                "'output: where: lang' must be a list");
}

static void
test_errors (void)
{
  expect_error ("tamis: 1\nstages:\n  - probe: {count: [1, 2]}\n", "test.yaml:3:20:",
                "must be an integer, not a list");
  expect_error ("tamis: 1\nstages:\n  - probe:\n      count: many\n", "test.yaml:4:14:",
                "not 'many'");
  expect_error ("tamis: 1\nstages:\n  - probe:\n      cuont: 3\n", "test.yaml:4:7:",
                "unknown option 'cuont' for probe; hint: did you mean 'count'?");
  expect_error ("tamis: 1\nstages:\n  - probe: {zzz: 1}\n", "test.yaml:3:13:",
                "known options are: label, count, weight, upper, langs, file, nested (see 'tamis plugins probe')");
  expect_error ("tamis: 1\nstages:\n  - probe: {nested: {outer: 1}}\n", "test.yaml:3:22:",
                "unknown option 'outer' for probe.nested");
  expect_error ("tamis: 1\nstages:\n  - probe: {count: -2}\n", "test.yaml:3:20:",
                "option 'count' of probe must be at least 0, not -2");
  expect_error ("tamis: 1\nstages:\n  - probe: {count: 1001}\n", "test.yaml:3:20:",
                "must be at most 1000, not 1001");
  expect_error ("tamis: 1\nstages:\n  - probe: {count: 13}\n", "test.yaml:3:20:",
                "13 brings bad luck");
  expect_error ("tamis: 1\nstages:\n  - probe: {weight: heavy}\n", "test.yaml:3:21:",
                "option 'weight' of probe must be a number, not 'heavy'");
  expect_error ("tamis: 1\nstages:\n  - probe: {upper: maybe}\n", "test.yaml:3:20:",
                "must be true or false, not 'maybe'");
  expect_error ("tamis: 1\nstages:\n  - probe: {langs: [fr, it]}\n", "test.yaml:3:25:",
                "option 'langs' of probe must be one of fr, en, de, not 'it'");
  expect_error ("tamis: 1\nstages:\n  - probe: {nested: 3}\n", "test.yaml:3:21:",
                "option 'nested' of probe must be a mapping, not a single value");
  expect_error ("tamis: 1\nstages:\n  - langset: {x: 1}\n", "test.yaml:3:15:",
                "unknown option 'x' for langset; hint: it takes no options");
  expect_error ("tamis: 1\nstage:\n  - probe\n", "test.yaml:2:1:",
                "unknown key 'stage' in the pipeline; hint: did you mean 'stages'?");
  expect_error ("tamis: 2\nstages: [probe]\n", "test.yaml:1:8:", "schema version");
  expect_error ("name: x\nstages: [probe]\n", "test.yaml:1:1:", "tamis: 1");
  expect_error ("tamis: 1\n", "test.yaml:1:1:", "no stages");
  expect_error ("", "test.yaml:1:1:", "empty");
  expect_error ("tamis: 1\nstages:\n  - prbe\n", "test.yaml:3:5:",
                "unknown plugin 'prbe'; hint: did you mean 'probe'?");
  expect_error ("tamis: 1\nstages:\n  - needy\n", "test.yaml:3:5:",
                "stage 'needy' reads 'probe', which no earlier stage writes; hint: add 'probe' before it");
  /* the three mistakes that would otherwise run and silently write nothing */
  expect_error ("tamis: 1\nstages:\n  - probe: {when: {lang: [fr]}}\n", "test.yaml:3:20:",
                "'when: lang' of stage 'probe' reads the document attribute 'lang', which no earlier "
                "stage writes; hint: add 'langid' or 'langset' before it");
  expect_error ("tamis: 1\nstages: [probe]\noutput: {layers: [probe, prob]}\n", "test.yaml:3:26:",
                "'output: layers' names 'prob', which no stage writes");
  expect_error ("tamis: 1\nstages: [probe]\noutput: {layers: [weight]}\n", "test.yaml:3:19:",
                "'output: layers' names 'weight', which no stage writes; hint: add 'probe' before it");
  expect_error ("tamis: 1\nstages:\n  - failcreate\n", "test.yaml:3:5:",
                "stage 'failcreate': cannot open its model");
  expect_error ("tamis: 1\nstages:\n  - probe: {when: {language: fr}}\n", "test.yaml:3:20:",
                "unknown key 'language' in 'when'");
  expect_error ("tamis: 1\nstages:\n  - plugin: probe\n    wiht: {}\n", "test.yaml:4:5:",
                "did you mean 'with'?");
  expect_error ("tamis: 1\nstages:\n  - probe: [1]\n", "test.yaml:3:12:", "must be a mapping");
  expect_error ("tamis: 1\nstages:\n  - {a: 1, b: 2}\n", "test.yaml:3:5:", "a stage is");
  expect_error ("tamis: 1\ninput: {format: xml}\nstages: [probe]\n", "test.yaml:2:17:",
                "unknown input format 'xml'");
  expect_error ("tamis: 1\ninput: {max_size: lots}\nstages: [probe]\n", "test.yaml:2:19:",
                "max_size");
  expect_error ("tamis: 1\noutput: {format: xml}\nstages: [probe]\n", "test.yaml:2:18:", "xml");
  expect_error ("tamis: 1\nstages:\n  - probe\n  - probe\n name: x\n", "test.yaml:", "YAML syntax error");
  expect_error ("tamis: 1\nstages: [probe\n", "test.yaml:", "YAML syntax error");
  expect_error ("tamis: 1\ntamis: 1\nstages: [probe]\n", "test.yaml:2:1:", "duplicate key 'tamis'");
}

static void
test_aliases (void)
{
  /* A "billion laughs" file: refused at the first alias, nothing expanded. */
  expect_error ("tamis: 1\n"
                "a: &a [x, x, x, x, x, x, x, x, x]\n"
                "b: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                "stages: [probe]\n",
                "test.yaml:3:8:", "aliases");
}

static void
test_document_failure (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) p = load ("tamis: 1\nstages:\n  - probe\n  - failcreate: {fail: false}\n",
                                      &error);
  g_autoptr (TamisDoc) bad = tamis_doc_new ("bad", "FAIL here", -1, NULL);
  g_autoptr (TamisDoc) good = tamis_doc_new ("good", "fine here", -1, NULL);

  g_assert_no_error (error);
  g_assert_false (tamis_pipeline_process (p, bad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpstr (tamis_doc_get_error_code (bad), ==, "stage-failed");
  g_assert_cmpstr (tamis_doc_get_error_message (bad), ==, "stage 2 (failcreate): refused this document");
  g_assert_true (tamis_pipeline_process (p, good, &error));
  g_assert_null (tamis_doc_get_error_code (good));
}

static void
test_defaults (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) p = load ("tamis: 1\nstages: [probe]\n", &error);
  g_autoptr (TamisDoc) doc = tamis_doc_new ("d", "Meta investit.", -1, NULL);
  TamisValue value;
  gboolean is_default = FALSE;
  g_autofree char *count = NULL;
  g_autofree char *langs = NULL;

  g_assert_no_error (error);
  g_assert_true (tamis_pipeline_process (p, doc, &error));
  /* the declared defaults reach the plugin through the getters */
  g_assert_cmpuint (tamis_layer_get_n_spans (tamis_doc_get_layer (doc, "probe")), ==, 1);
  g_assert_cmpstr (tamis_layer_get_label (tamis_doc_get_layer (doc, "probe"), 0), ==, "probe");
  g_assert_true (tamis_doc_get_attr (doc, "weight", &value));
  g_assert_cmpfloat (value.d, ==, 0.5);
  count = tamis_pipeline_get_stage_option (p, 0, "count", &is_default);
  g_assert_cmpstr (count, ==, "1");
  g_assert_true (is_default);
  g_assert_null (tamis_pipeline_get_stage_option (p, 0, "langs", NULL));
  g_assert_cmpstr (tamis_pipeline_get_stage_writes (p, 0)[0], ==, "probe");
  g_clear_pointer (&p, tamis_pipeline_free);

  p = load ("tamis: 1\nstages:\n  - probe: {langs: [de, fr]}\n", &error);
  g_assert_no_error (error);
  langs = tamis_pipeline_get_stage_option (p, 0, "langs", &is_default);
  g_assert_cmpstr (langs, ==, "[de, fr]");
  g_assert_false (is_default);
}

/* Runs the rogue plugin with @fault on a good and a bad document. */
static void
expect_contract_fault (const char *fault, const char *text, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *yaml = g_strdup_printf ("tamis: 1\nstages:\n  - probe\n  - rogue: {fault: %s}\n",
                                           fault);
  g_autoptr (TamisPipeline) p = load (yaml, &error);
  g_autoptr (TamisDoc) good = tamis_doc_new ("good", "Meta investit 65 milliards.", -1, NULL);
  g_autoptr (TamisDoc) bad = tamis_doc_new ("bad", text, -1, NULL);

  g_assert_no_error (error);
  g_assert_true (tamis_pipeline_process (p, good, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tamis_layer_get_n_spans (tamis_doc_get_layer (good, "rogue")), ==, 1);

  g_assert_false (tamis_pipeline_process (p, bad, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN);
  g_assert_cmpstr (tamis_doc_get_error_code (bad), ==, "plugin-contract");
  if (!strstr (tamis_doc_get_error_message (bad), message))
    g_error ("%s: unexpected message '%s' (wanted '%s')", fault, tamis_doc_get_error_message (bad),
             message);
  /* the earlier stage's layer is as it wrote it */
  g_assert_cmpuint (tamis_layer_get_n_spans (tamis_doc_get_layer (bad, "probe")), ==, 1);
}

static void
test_contract (void)
{
  expect_contract_fault ("past-end", "!Nvidia perd 600 milliards",
                         "stage 2 (rogue): span 0..36 of layer 'rogue' is outside the text (26 bytes)");
  expect_contract_fault ("cut-char", "!é", "stage 2 (rogue): span 0..2 of layer 'rogue' cuts a UTF-8 character");
  expect_contract_fault ("foreign-layer", "!x",
                         "stage 2 (rogue) writes into layer 'probe', which an earlier stage wrote");
  expect_contract_fault ("undeclared-layer", "!x", "stage 2 (rogue) writes the undeclared layer 'secret'");
  expect_contract_fault ("undeclared-attr", "!x",
                         "stage 2 (rogue): layer 'rogue' has an undeclared span attribute 'extra'");
  expect_contract_fault ("wrong-type", "!x",
                         "stage 2 (rogue): attribute 'n' of layer 'rogue' is a string, declared integer");
  expect_contract_fault ("bad-label", "!x",
                         "stage 2 (rogue): span 0..1 of layer 'rogue' has the undeclared label 'smudge'");
  expect_contract_fault ("doc-attr-type", "!x",
                         "stage 2 (rogue): document attribute 'rogue_n' is a string, declared integer");
}

typedef struct {
  guint next;
  guint total;
  GPtrArray *seen; /* "id code" per document, in the order received */
  guint stop_at;   /* the sink fails at this document, when not 0 */
} Batch;

static TamisDoc *
batch_source (gpointer data, GError **error)
{
  Batch *b = data;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;

  if (b->next == b->total)
    return NULL;
  id = g_strdup_printf ("n%u", b->next);
  /* every seventh document is refused by the failcreate stage */
  text = g_strdup_printf ("%sDocument %u : Meta investit %u milliards.", b->next % 7 ? "" : "FAIL ",
                          b->next, b->next);
  b->next++;
  return tamis_doc_new (id, text, -1, error);
}

static gboolean
batch_sink (TamisDoc *doc, gpointer data, GError **error)
{
  Batch *b = data;
  const char *code = tamis_doc_get_error_code (doc);

  g_ptr_array_add (b->seen, g_strdup_printf ("%s %s", tamis_doc_get_id (doc), code ? code : "ok"));
  if (!code)
    g_assert_cmpuint (tamis_layer_get_n_spans (tamis_doc_get_layer (doc, "probe")), ==, 2);
  if (b->stop_at && b->seen->len == b->stop_at)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO, "disk full");
      return FALSE;
    }
  return TRUE;
}

static void
test_batch (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) p = load ("tamis: 1\nstages:\n  - probe: {count: 2}\n  - failcreate: {fail: false}\n",
                                      &error);
  const char *texts[] = { "Nvidia perd 600 milliards.", "caf\xe9", "\xef\xbb\xbf" "BOM en t\xc3\xaate.", NULL };
  TamisRunStats stats;

  g_assert_no_error (error);
  for (guint threads = 1; threads <= 4; threads += 3)
    {
      Batch b = { 0, 3000, g_ptr_array_new_with_free_func (g_free), 0 };

      g_assert_true (tamis_pipeline_run (p, batch_source, &b, batch_sink, &b, threads, &stats, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (b.seen->len, ==, 3000);
      for (guint i = 0; i < b.seen->len; i++)
        {
          g_autofree char *want = g_strdup_printf ("n%u %s", i, i % 7 ? "ok" : "stage-failed");
          g_assert_cmpstr (g_ptr_array_index (b.seen, i), ==, want);
        }
      g_assert_cmpuint (stats.n_docs, ==, 3000);
      g_assert_cmpuint (stats.n_failed, ==, 429);
      g_ptr_array_unref (b.seen);
    }

  /* a sink that fails stops the run with its error */
  {
    Batch b = { 0, 3000, g_ptr_array_new_with_free_func (g_free), 10 };
    g_assert_false (tamis_pipeline_run (p, batch_source, &b, batch_sink, &b, 4, NULL, &error));
    g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_IO);
    g_assert_cmpuint (b.seen->len, ==, 10);
    g_clear_error (&error);
    g_ptr_array_unref (b.seen);
  }

  /* strings: ids are their positions, bad UTF-8 fails in its place, a BOM is repaired */
  {
    Batch b = { 0, 0, g_ptr_array_new_with_free_func (g_free), 0 };
    g_assert_true (tamis_pipeline_run_texts (p, texts, -1, batch_sink, &b, 2, &stats, &error));
    g_assert_cmpuint (b.seen->len, ==, 3);
    g_assert_cmpstr (g_ptr_array_index (b.seen, 0), ==, "0 ok");
    g_assert_cmpstr (g_ptr_array_index (b.seen, 1), ==, "1 invalid-utf8");
    g_assert_cmpstr (g_ptr_array_index (b.seen, 2), ==, "2 ok");
    g_assert_cmpuint (stats.n_failed, ==, 1);
    g_ptr_array_unref (b.seen);
  }
}

static void
test_bounds (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) yaml = g_string_new ("tamis: 1\nstages:\n  - probe:\n");
  g_autofree char *long_name = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tamis-bounds-XXXXXX", NULL);
  g_autofree char *big = g_build_filename (dir, "big.yaml", NULL);
  g_autofree char *bad = NULL;
  gint64 start;

  /* not a regular file: refused before anything is read */
  g_assert_null (tamis_pipeline_new_from_file ("/dev/zero", NULL, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/dev/zero: not a regular file"));
  g_clear_error (&error);

  /* over the size cap */
  {
    g_autofree char *filler = g_strnfill (2 * 1024 * 1024, '#');
    g_assert_true (g_file_set_contents (big, filler, -1, NULL));
  }
  g_assert_null (tamis_pipeline_new_from_file (big, NULL, &error));
  g_assert_nonnull (strstr (error->message, "a pipeline file is limited to 1048576 bytes"));
  g_clear_error (&error);
  g_unlink (big);
  g_rmdir (dir);

  /* 160,000 option keys: refused at once, not after a quadratic search */
  for (guint i = 0; i < 160000; i++)
    g_string_append_printf (yaml, "      k%u: 1\n", i);
  start = g_get_monotonic_time ();
  g_assert_null (load (yaml->str, &error));
  g_assert_nonnull (strstr (error->message, "more than 10000 keys in one mapping"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_clear_error (&error);

  /* a huge plugin name is quoted in part */
  long_name = g_strnfill (10000, 'x');
  g_string_printf (yaml, "tamis: 1\nstages: [%s]\n", long_name);
  g_assert_null (load (yaml->str, &error));
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_assert_nonnull (strstr (error->message, "(10000 bytes)"));
  g_clear_error (&error);

  /* invalid UTF-8 on the third line is reported there */
  bad = g_strdup ("tamis: 1\nstages:\n  - pro\xff" "be\n");
  g_assert_null (load (bad, &error));
  if (!g_str_has_prefix (error->message, "test.yaml:3:8: "))
    g_error ("unexpected message: %s", error->message);
  g_clear_error (&error);

  /* an empty plugin_path entry names no folder */
  g_clear_pointer (&bad, g_free);
  {
    g_autoptr (TamisPipeline) p = load ("tamis: 1\nplugin_path: ['']\nstages: [probe]\n", &error);
    g_assert_no_error (error);
  }
}

static void
test_from_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tamis-pipeline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "p.yaml", NULL);
  g_autoptr (TamisPipeline) p = NULL;
  g_autoptr (TamisDoc) doc = tamis_doc_new ("d", "x", -1, NULL);

  g_assert_true (g_file_set_contents (path, "tamis: 1\nstages:\n  - probe: {file: m.bin}\n", -1, NULL));
  p = tamis_pipeline_new_from_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tamis_pipeline_process (p, doc, NULL));
  {
    g_autofree char *expected = g_build_filename (dir, "m.bin", NULL);
    g_assert_cmpstr (tamis_doc_get_string (doc, "file"), ==, expected);
  }
  g_clear_pointer (&p, tamis_pipeline_free);
  p = tamis_pipeline_new_from_file ("/nonexistent/p.yaml", NULL, &error);
  g_assert_null (p);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_IO);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_autofree char *modules = g_build_filename (g_getenv ("TAMIS_BUILDDIR"), "tests", "modules", NULL);

  g_test_init (&argc, &argv, NULL);
  g_setenv ("TAMIS_PLUGIN_PATH", modules, TRUE);
  g_test_add_func ("/pipeline/options", test_options);
  g_test_add_func ("/pipeline/long-form", test_long_form);
  g_test_add_func ("/pipeline/output-choice", test_output_choice);
  g_test_add_func ("/pipeline/when", test_when);
  g_test_add_func ("/pipeline/no-stages", test_no_stages);
  g_test_add_func ("/pipeline/where", test_where);
  g_test_add_func ("/pipeline/errors", test_errors);
  g_test_add_func ("/pipeline/aliases", test_aliases);
  g_test_add_func ("/pipeline/document-failure", test_document_failure);
  g_test_add_func ("/pipeline/from-file", test_from_file);
  g_test_add_func ("/pipeline/defaults", test_defaults);
  g_test_add_func ("/pipeline/contract", test_contract);
  g_test_add_func ("/pipeline/batch", test_batch);
  g_test_add_func ("/pipeline/bounds", test_bounds);
  return g_test_run ();
}
