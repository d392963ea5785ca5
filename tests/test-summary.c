/* Tests of corpus summaries: exact sums, amounts tied to entities, merging
 * in any order (the example corpus through the news pipeline), documents
 * and records giving the same bytes, refusal of another pipeline, counting
 * from several threads, and the pipeline's summary: section. */
#include <string.h>

#include <glib/gstdio.h>
#include <tamis/tamis.h>

#define NEWS_YAML                                                                                  \
  "tamis: 1\n"                                                                                     \
  "name: news\n"                                                                                   \
  "stages:\n"                                                                                      \
  "  - segment\n"                                                                                  \
  "  - langid\n"                                                                                   \
  "  - money:\n"                                                                                   \
  "      when: {lang: [fr, en]}\n"                                                                 \
  "  - entities:\n"                                                                                \
  "      when: {lang: [fr, en]}\n"                                                                 \
  "  - sentiment:\n"                                                                               \
  "      when: {lang: [fr, en]}\n"

static char *
json_of (const TamisSummary *summary)
{
  return tamis_summary_to_json (summary);
}

/* A JSON member's text as written: what follows "@name": up to the next
 * ',' or '}' at the same depth (enough for numbers and flat objects). */
static char *
member_text (const char *json, const char *name)
{
  g_autofree char *key = g_strdup_printf ("\"%s\": ", name);
  const char *p = strstr (json, key), *end;
  int depth = 0;

  if (p == NULL)
    return NULL;
  p += strlen (key);
  for (end = p; *end; end++)
    {
      if (*end == '{' || *end == '[')
        depth++;
      else if ((*end == '}' || *end == ']') && depth-- == 0)
        break;
      else if (*end == ',' && depth == 0)
        break;
    }
  return g_strndup (p, end - p);
}

/* ---- documents made by hand ---- */

/* A document with money spans, some tied to an entity by a relation span
 * of the same offsets, as the relations plugin writes them. */
static TamisDoc *
money_doc (const char *id)
{
  const char *text = "Meta spends 60.5 and 0.1 and between 114 and 119 there; Acme 7.";
  TamisDoc *doc = tamis_doc_new (id, text, -1, NULL);
  TamisLayer *money = tamis_doc_ensure_layer (doc, "money");
  TamisLayer *rel = tamis_doc_ensure_layer (doc, "relation");
  guint i;

  i = tamis_layer_add (money, 12, 16, "amount");
  tamis_layer_set_double (money, i, "value", 60.5);
  tamis_layer_set_string (money, i, "value_text", "60.5");
  tamis_layer_set_string (money, i, "currency", "USD");
  i = tamis_layer_add (rel, 12, 16, "spends");
  tamis_layer_set_string (rel, i, "entity", "Meta");

  /* no value_text: the double, to the millionth */
  i = tamis_layer_add (money, 21, 24, "amount");
  tamis_layer_set_double (money, i, "value", 0.1);
  tamis_layer_set_string (money, i, "currency", "USD");
  i = tamis_layer_add (rel, 21, 24, "spends");
  tamis_layer_set_string (rel, i, "entity", "Meta");

  i = tamis_layer_add (money, 29, 48, "range");
  tamis_layer_set_double (money, i, "min", 114e9);
  tamis_layer_set_string (money, i, "min_text", "114000000000");
  tamis_layer_set_double (money, i, "max", 119e9);
  tamis_layer_set_string (money, i, "max_text", "119000000000");
  tamis_layer_set_string (money, i, "currency", "USD");
  i = tamis_layer_add (rel, 29, 48, "spends");
  tamis_layer_set_string (rel, i, "entity", "Meta");

  /* a relation span at other offsets ties nothing */
  i = tamis_layer_add (money, 62, 63, "amount");
  tamis_layer_set_string (money, i, "value_text", "7");
  tamis_layer_set_string (money, i, "currency", "EUR");
  i = tamis_layer_add (rel, 57, 61, "other");
  tamis_layer_set_string (rel, i, "entity", "Acme");

  tamis_layer_sort (money);
  tamis_layer_sort (rel);
  tamis_doc_set_string (doc, "lang", "en");
  return doc;
}

static void
test_amounts (void)
{
  g_autoptr (TamisSummary) s = tamis_summary_new (NULL);
  g_autofree char *json = NULL;

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%d", i);
      g_autoptr (TamisDoc) doc = money_doc (id);

      tamis_summary_add_doc (s, doc);
    }
  json = json_of (s);
  g_assert_true (g_str_has_suffix (json, "}\n"));
  /* three times 60.5 + 0.1: exactly 181.8, where doubles give 181.79999… */
  g_assert_nonnull (strstr (json, "{\"entity\": \"Meta\", \"currency\": \"USD\",\n"
                                  "     \"exact\": {\"count\": 6, \"sum\": 181.8, \"min\": 0.1, \"max\": 60.5},\n"
                                  "     \"ranges\": {\"count\": 3, \"sum_min\": 342000000000, "
                                  "\"sum_max\": 357000000000, \"min\": 114000000000, \"max\": 119000000000}}"));
  /* untied, after the tied ones */
  g_assert_nonnull (strstr (json, "{\"entity\": null, \"currency\": \"EUR\",\n"
                                  "     \"exact\": {\"count\": 3, \"sum\": 21, \"min\": 7, \"max\": 7},\n"
                                  "     \"ranges\": {\"count\": 0, \"sum_min\": 0, \"sum_max\": 0, "
                                  "\"min\": null, \"max\": null}}"));
  g_assert_true (strstr (json, "\"entity\": \"Meta\"") < strstr (json, "\"entity\": null"));
  g_assert_nonnull (strstr (json, "\"money\": {\"spans\": 12, \"documents\": 3, "
                                  "\"labels\": {\"amount\": 9, \"range\": 3}}"));
  g_assert_nonnull (strstr (json, "\"relation\": {\"spans\": 12, \"documents\": 3, "
                                  "\"labels\": {\"other\": 3, \"spends\": 9}}"));
}

/* Attributes of every type, entities by canonical name (or text), and the
 * per-entity sentiment of each document. */
static TamisDoc *
entity_doc (const char *id, double score, const char *label, gboolean with_error)
{
  const char *text = "Meta and Meta Platforms met Zed.";
  TamisDoc *doc;
  TamisLayer *ent;
  guint i;
  g_autofree char *senti = NULL;

  if (with_error)
    return tamis_doc_new_failed (id, "empty", "the document is empty");
  doc = tamis_doc_new (id, text, -1, NULL);
  ent = tamis_doc_ensure_layer (doc, "entity");
  i = tamis_layer_add (ent, 0, 4, "ORG");
  tamis_layer_set_string (ent, i, "canonical", "Meta");
  i = tamis_layer_add (ent, 9, 23, "ORG");
  tamis_layer_set_string (ent, i, "canonical", "Meta");
  tamis_layer_add (ent, 28, 31, "PER"); /* no canonical name: its text */
  tamis_doc_set_string (doc, "lang", "fr");
  tamis_doc_set_double (doc, "lang_score", 0.75);
  tamis_doc_set_int (doc, "pages", 3);
  tamis_doc_set_bool (doc, "draft", TRUE);
  tamis_doc_set_string (doc, "sentiment", label);
  tamis_doc_set_double (doc, "sentiment_score", score);
  senti = g_strdup_printf ("{\"Meta\": {\"label\": \"%s\", \"score\": %g, \"type\": \"ORG\"}}", label, score);
  tamis_doc_set_json (doc, "entity_sentiment", senti);
  tamis_doc_set_json (doc, "alternatives", "[1, 2]");
  return doc;
}

static void
test_entities_and_attributes (void)
{
  g_autoptr (TamisSummary) s = tamis_summary_new (NULL);
  g_autofree char *json = NULL;
  g_autofree char *documents = NULL;
  TamisDoc *docs[] = {
    entity_doc ("a", 0.5, "positive", FALSE),
    entity_doc ("b", -0.25, "negative", FALSE),
    entity_doc ("c", 0.1, "neutral", FALSE),
    entity_doc ("d", 0, NULL, TRUE),
  };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      tamis_summary_add_doc (s, docs[i]);
      tamis_doc_free (docs[i]);
    }
  json = json_of (s);
  g_assert_cmpuint (tamis_summary_get_n_documents (s), ==, 4);
  documents = member_text (json, "documents");
  g_assert_cmpstr (documents, ==, "{\"total\": 4, \"failed\": 1, \"by_lang\": {\"fr\": 3}, "
                                  "\"by_sentiment\": {\"negative\": 1, \"neutral\": 1, \"positive\": 1},\n"
                                  "    \"sentiment_histogram\": {\"bins\": [-1, -0.9, -0.8, -0.7, -0.6, -0.5, "
                                  "-0.4, -0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], "
                                  "\"counts\": [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0]}}");
  g_assert_nonnull (strstr (json, "\"errors\": {\"empty\": 1}"));
  /* mean over documents: (0.5 - 0.25 + 0.1) / 3 = 0.116667 */
  g_assert_nonnull (strstr (json, "{\"name\": \"Meta\", \"label\": \"ORG\", \"mentions\": 6, \"documents\": 3, "
                                  "\"sentiment\": {\"mean\": 0.116667, \"n\": 3, \"sum\": 0.35, "
                                  "\"positive\": 1, \"neutral\": 1, \"negative\": 1}}"));
  g_assert_nonnull (strstr (json, "{\"name\": \"Zed\", \"label\": \"PER\", \"mentions\": 3, \"documents\": 3, "
                                  "\"sentiment\": null}"));
  g_assert_nonnull (strstr (json, "\"lang_score\": {\"documents\": 3, \"count\": 3, \"sum\": 2.25, "
                                  "\"min\": 0.75, \"max\": 0.75}"));
  g_assert_nonnull (strstr (json, "\"pages\": {\"documents\": 3, \"count\": 3, \"sum\": 9, \"min\": 3, \"max\": 3}"));
  g_assert_nonnull (strstr (json, "\"draft\": {\"documents\": 3, \"values\": {\"true\": 3}}"));
  /* JSON-valued attributes are not counted */
  g_assert_null (strstr (json, "\"alternatives\""));
  g_assert_null (strstr (json, "\"entity_sentiment\": {\"documents\""));
}

/* Per-entity sentiment as plugins may write it: escapes, members of other
 * kinds, exponents; JSON that is not JSON counts nothing. A document and
 * its record give the same bytes. */
static void
test_entity_sentiment_forms (void)
{
  static const char *const forms[] = {
    "{\"A\\\"b \\u00e9\": {\"extra\": [1, {\"x\": \"}\"}], \"score\": 1e-1, \"label\": \"positive\","
    " \"type\": \"ORG\"}, \"skip\": 3, \"C\": {}, \"D\": {\"score\": -0.25, \"label\": null}}",
    "{\"Meta\": {\"score\": 0.5,}}",
    "[]",
  };
  g_autoptr (TamisSummary) docs = tamis_summary_new (NULL);
  g_autoptr (TamisSummary) records = tamis_summary_new (NULL);
  g_autofree char *a = NULL, *b = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr (TamisDoc) doc = tamis_doc_new ("x", "text", -1, NULL);
      g_autofree char *record = NULL;
      g_autoptr (GError) error = NULL;

      tamis_doc_set_json (doc, "entity_sentiment", forms[i]);
      tamis_summary_add_doc (docs, doc);
      record = tamis_doc_to_json (doc, NULL, FALSE, FALSE);
      g_assert_true (tamis_summary_add_record (records, record, -1, &error));
      g_assert_no_error (error);
    }
  a = json_of (docs);
  b = json_of (records);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "{\"name\": \"A\\\"b \u00e9\", \"label\": \"ORG\", \"mentions\": 0, \"documents\": 1, "
                               "\"sentiment\": {\"mean\": 0.1, \"n\": 1, \"sum\": 0.1, \"positive\": 1, "
                               "\"neutral\": 0, \"negative\": 0}}"));
  g_assert_nonnull (strstr (a, "{\"name\": \"C\", \"label\": null, \"mentions\": 0, \"documents\": 1, "
                               "\"sentiment\": null}"));
  g_assert_nonnull (strstr (a, "{\"name\": \"D\", \"label\": null, \"mentions\": 0, \"documents\": 1, "
                               "\"sentiment\": {\"mean\": -0.25, \"n\": 1"));
  g_assert_null (strstr (a, "\"Meta\""));
  g_assert_null (strstr (a, "\"skip\""));
}

/* ---- the example corpus through the news pipeline ---- */

typedef struct {
  TamisSummary *whole, *first, *second, *records;
  guint n;
  guint half;
} Sums;

static gboolean
sink (TamisDoc *doc, gpointer data, GError **error)
{
  Sums *sums = data;
  g_autofree char *record = tamis_doc_to_json (doc, NULL, FALSE, FALSE);

  tamis_summary_add_doc (sums->whole, doc);
  tamis_summary_add_doc (sums->n++ < sums->half ? sums->first : sums->second, doc);
  return tamis_summary_add_record (sums->records, record, -1, error);
}

static GPtrArray *
corpus_texts (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("TAMIS_SRCDIR") ? g_getenv ("TAMIS_SRCDIR") : ".",
                                           "examples", "corpus", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      char *text = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_ptr_array_add (texts, text);
    }
  g_ptr_array_add (texts, NULL);
  return texts;
}

static void
test_corpus_merge (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) p = tamis_pipeline_new_from_data (NEWS_YAML, -1, "news.yaml", NULL, &error);
  g_autoptr (GPtrArray) texts = corpus_texts ();
  g_autoptr (TamisSummary) ab = NULL, ba = NULL, read_back = NULL;
  g_autofree char *whole = NULL, *json_ab = NULL, *json_ba = NULL, *json_records = NULL;
  g_autofree char *json_first = NULL, *json_second = NULL, *json_back = NULL;
  Sums sums = { 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (texts->len, >=, 5);
  sums.whole = tamis_summary_new (p);
  sums.first = tamis_summary_new (p);
  sums.second = tamis_summary_new (p);
  sums.records = tamis_summary_new (p);
  sums.half = (texts->len - 1) / 2;
  g_assert_true (tamis_pipeline_run_texts (p, (const char *const *) texts->pdata, -1, sink, &sums, 2,
                                           NULL, &error));
  g_assert_no_error (error);

  whole = json_of (sums.whole);
  g_assert_nonnull (strstr (whole, "\"pipeline\": {\"name\": \"news\", \"stages\": [\"entities "));
  g_assert_nonnull (strstr (whole, "\"by_lang\": {\"en\": 5, \"fr\": 5}"));
  g_assert_nonnull (strstr (whole, "\"money\": {\"spans\": "));

  /* the halves, each read back from its JSON, merged in both orders */
  json_first = json_of (sums.first);
  json_second = json_of (sums.second);
  g_assert_cmpstr (json_first, !=, json_second);
  ab = tamis_summary_new_from_json (json_first, -1, &error);
  g_assert_no_error (error);
  g_assert_true (tamis_summary_merge (ab, sums.second, &error));
  ba = tamis_summary_new_from_json (json_second, -1, &error);
  g_assert_no_error (error);
  g_assert_true (tamis_summary_merge (ba, sums.first, &error));
  json_ab = json_of (ab);
  json_ba = json_of (ba);
  g_assert_cmpstr (json_ab, ==, whole);
  g_assert_cmpstr (json_ba, ==, whole);

  /* records give the same bytes as the documents */
  json_records = json_of (sums.records);
  g_assert_cmpstr (json_records, ==, whole);

  read_back = tamis_summary_new_from_json (whole, -1, &error);
  g_assert_no_error (error);
  json_back = json_of (read_back);
  g_assert_cmpstr (json_back, ==, whole);

  tamis_summary_free (sums.whole);
  tamis_summary_free (sums.first);
  tamis_summary_free (sums.second);
  tamis_summary_free (sums.records);
}

/* ---- refusals ---- */

static TamisSummary *
summary_of (const char *name, const char *stages)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = g_strdup_printf (
      "{\"tamis_summary\": 1, \"pipeline\": {\"name\": %s, \"stages\": [%s]},"
      " \"documents\": {\"total\": 1, \"failed\": 0, \"by_lang\": {}, \"by_sentiment\": {},"
      " \"sentiment_histogram\": {\"counts\": [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}},"
      " \"errors\": {}, \"entities\": [], \"amounts\": [], \"layers\": {}, \"attributes\": {}}",
      name, stages);
  TamisSummary *s = tamis_summary_new_from_json (json, -1, &error);

  g_assert_no_error (error);
  return s;
}

static void
test_refusals (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisSummary) news = summary_of ("\"news\"", "\"money 1.1.0 #aaaa\", \"segment 1.1.0 #bbbb\"");
  g_autoptr (TamisSummary) other = summary_of ("\"other\"", "\"money 1.1.0 #aaaa\"");
  g_autoptr (TamisSummary) options = summary_of ("\"news\"", "\"money 1.1.0 #cccc\"");
  g_autoptr (TamisSummary) unnamed = summary_of ("null", "\"segment 1.1.0 #bbbb\", \"langid 1.1.0 #dddd\"");
  g_autofree char *before = json_of (news), *after = NULL;

  g_assert_false (tamis_summary_merge (news, other, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "'news'"));
  g_assert_nonnull (strstr (error->message, "'other'"));
  g_clear_error (&error);

  g_assert_false (tamis_summary_merge (news, options, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "money 1.1.0 #aaaa"));
  g_assert_nonnull (strstr (error->message, "money 1.1.0 #cccc"));
  g_clear_error (&error);
  after = json_of (news);
  g_assert_cmpstr (after, ==, before);

  /* no name: merges, stages unioned */
  g_assert_true (tamis_summary_merge (unnamed, news, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = json_of (unnamed);
  g_assert_nonnull (strstr (after, "\"pipeline\": {\"name\": \"news\", \"stages\": [\"langid 1.1.0 #dddd\", "
                                   "\"money 1.1.0 #aaaa\", \"segment 1.1.0 #bbbb\"]}"));
  g_assert_nonnull (strstr (after, "\"total\": 2"));

  g_assert_false (tamis_summary_add_record (news, "{\"id\": 3}", -1, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT);
  g_clear_error (&error);
  g_assert_false (tamis_summary_add_record (news, "{\"id\": \"x\", \"by\": {\"money 1.1.0 #eeee\": []}}", -1,
                                            &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
  g_clear_error (&error);
  g_assert_null (tamis_summary_new_from_json ("{\"tamis_summary\": 2}", -1, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT);
  g_clear_error (&error);
  g_assert_null (tamis_summary_new_from_json ("{\"tamis_summary\": 1, \"pipeline\": {", -1, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT);
}

/* ---- threads ---- */

static void
add_some (gpointer data, gpointer user_data)
{
  TamisSummary *s = user_data;
  guint n = GPOINTER_TO_UINT (data);

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u-%u", n, i);
      g_autoptr (TamisDoc) doc = i % 2 ? money_doc (id) : entity_doc (id, (i % 7) / 7.0 - 0.4, "neutral", i % 9 == 0);

      tamis_summary_add_doc (s, doc);
    }
}

static void
test_threads (void)
{
  g_autoptr (TamisSummary) serial = tamis_summary_new (NULL);
  g_autoptr (TamisSummary) parallel = tamis_summary_new (NULL);
  g_autofree char *a = NULL, *b = NULL;
  GThreadPool *pool = g_thread_pool_new (add_some, parallel, 4, FALSE, NULL);

  for (guint n = 1; n <= 16; n++)
    {
      add_some (GUINT_TO_POINTER (n), serial);
      g_thread_pool_push (pool, GUINT_TO_POINTER (n), NULL);
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  a = json_of (serial);
  b = json_of (parallel);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (tamis_summary_get_n_documents (parallel), ==, 16 * 50);
}

/* ---- the pipeline's summary: section ---- */

static void
test_pipeline_section (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisPipeline) p = tamis_pipeline_new_from_data (
      "tamis: 1\nstages:\n  - segment\nsummary:\n  file: out/summary.json\n  money_layer: cash\n", -1,
      "s.yaml", NULL, &error);
  g_autoptr (TamisPipeline) bad = NULL;
  g_autoptr (TamisPipeline) plain = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (tamis_pipeline_get_summary_file (p), ==, "out/summary.json");
  g_assert_cmpstr (tamis_pipeline_get_summary_input (p, "money_layer"), ==, "cash");
  g_assert_cmpstr (tamis_pipeline_get_summary_input (p, "relation_layer"), ==, "relation");
  g_assert_cmpstr (tamis_pipeline_get_summary_input (p, "entity_name"), ==, "canonical");
  g_assert_null (tamis_pipeline_get_summary_input (p, "nonsense"));

  bad = tamis_pipeline_new_from_data ("tamis: 1\nstages:\n  - segment\nsummary:\n  money_layr: cash\n", -1,
                                      "s.yaml", NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
  g_assert_true (g_str_has_prefix (error->message, "s.yaml:5:3: unknown key 'money_layr' in 'summary'"));
  g_assert_nonnull (strstr (error->message, "money_layer"));
  g_clear_error (&error);

  plain = tamis_pipeline_new_from_data ("tamis: 1\nstages:\n  - segment\n", -1, "s.yaml", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (tamis_pipeline_get_summary_file (plain));
  g_assert_cmpstr (tamis_pipeline_get_summary_input (plain, "money_layer"), ==, "money");

  /* the money layer named by the pipeline is the one read */
  {
    g_autoptr (TamisSummary) s = tamis_summary_new (p);
    g_autoptr (TamisDoc) doc = tamis_doc_new ("x", "7 dollars", -1, NULL);
    TamisLayer *cash = tamis_doc_ensure_layer (doc, "cash");
    guint i = tamis_layer_add (cash, 0, 9, "amount");
    g_autofree char *json = NULL;

    tamis_layer_set_string (cash, i, "value_text", "7");
    tamis_summary_add_doc (s, doc);
    json = json_of (s);
    g_assert_nonnull (strstr (json, "\"exact\": {\"count\": 1, \"sum\": 7, \"min\": 7, \"max\": 7}"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/summary/amounts", test_amounts);
  g_test_add_func ("/summary/entities-and-attributes", test_entities_and_attributes);
  g_test_add_func ("/summary/entity-sentiment-forms", test_entity_sentiment_forms);
  g_test_add_func ("/summary/corpus-merge", test_corpus_merge);
  g_test_add_func ("/summary/refusals", test_refusals);
  g_test_add_func ("/summary/threads", test_threads);
  g_test_add_func ("/summary/pipeline-section", test_pipeline_section);
  return g_test_run ();
}
