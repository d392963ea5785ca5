/* Tests of the writers: JSON Lines, the JSON array and TSV, offsets in code
 * points on non-ASCII text, attributes, metadata and failed documents. */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <tamis/tamis.h>
#include "document-private.h"

#define NEWS "Ça coûte 65 milliards d’euros 🙂 selon Meta, dit-il."

/* Byte offset of @needle in @doc's text. */
static guint32
at (TamisDoc *doc, const char *needle)
{
  const char *text = tamis_doc_get_text (doc);
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return p - text;
}

static gint64
char_at (TamisDoc *doc, guint32 byte)
{
  return g_utf8_pointer_to_offset (tamis_doc_get_text (doc), tamis_doc_get_text (doc) + byte);
}

static TamisDoc *
news_doc (void)
{
  g_autoptr(GError) error = NULL;
  TamisDoc *doc = tamis_doc_new ("news-1", NEWS, -1, &error);
  TamisLayer *token, *mixed;
  guint i;

  g_assert_no_error (error);
  tamis_doc_set_string (doc, "lang", "fr");
  tamis_doc_set_double (doc, "lang_score", 0.5);
  tamis_doc_set_json (doc, "alternatives", "[{\"lang\": \"en\", \"score\": 0.25}]");
  tamis_doc_set_bool (doc, "short", TRUE);

  token = tamis_doc_ensure_layer (doc, "token");
  tamis_layer_add (token, at (doc, "Ça"), at (doc, "Ça") + strlen ("Ça"), "word");
  tamis_layer_add (token, at (doc, "65"), at (doc, "65") + 2, "number");
  tamis_layer_add (token, at (doc, "d’euros"), at (doc, "d’euros") + strlen ("d’euros"), "word");
  tamis_layer_add (token, at (doc, "🙂"), at (doc, "🙂") + strlen ("🙂"), "symbol");
  i = tamis_layer_add (token, at (doc, "Meta"), at (doc, "Meta") + 4, "word");
  tamis_layer_set_string (token, i, "canonical", "Meta Platforms");
  tamis_layer_set_int (token, i, "rank", 3);
  tamis_layer_set_double (token, i, "weight", 0.75);
  tamis_layer_set_bool (token, i, "known", TRUE);
  tamis_layer_set_json (token, i, "ids", "{\"wikidata\": \"Q380\"}");
  tamis_layer_set_double (token, i, "nothing", NAN);
  tamis_layer_set_score (token, i, 0.9f);

  /* Nested spans: ends go back and forth. */
  mixed = tamis_doc_ensure_layer (doc, "mixed");
  tamis_layer_add (mixed, 0, tamis_doc_get_length (doc), NULL);
  tamis_layer_add (mixed, at (doc, "65"), at (doc, "d’euros") + strlen ("d’euros"), "money");
  tamis_layer_add (mixed, at (doc, "65"), at (doc, "65") + 2, NULL);
  tamis_layer_add (mixed, at (doc, "🙂"), tamis_doc_get_length (doc), NULL);
  tamis_layer_add (mixed, at (doc, "Meta"), at (doc, "Meta") + 4, NULL);
  tamis_layer_sort (mixed);
  return doc;
}

static char *
stream_text (GOutputStream *stream)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
}

/* Writes @docs in @format and returns the output. */
static char *
write_docs (TamisFormat format, TamisDoc **docs, guint n, const char *const *layers,
            gboolean with_text)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(TamisWriter) writer = tamis_writer_new (format, stream, layers, with_text);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      tamis_writer_write (writer, docs[i], &error);
      g_assert_no_error (error);
    }
  tamis_writer_finish (writer, &error);
  g_assert_no_error (error);
  return stream_text (stream);
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

static void
assert_members (JsonObject *obj, const char *const *expected)
{
  g_autoptr(GList) members = json_object_get_members (obj);
  guint i = 0;

  for (GList *l = members; l != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, expected[i]);
  g_assert_null (expected[i]);
}

static void
assert_span (JsonArray *spans, guint index, TamisDoc *doc, guint32 start, guint32 end)
{
  JsonObject *span = json_array_get_object_element (spans, index);

  g_assert_cmpint (json_object_get_int_member (span, "start"), ==, char_at (doc, start));
  g_assert_cmpint (json_object_get_int_member (span, "end"), ==, char_at (doc, end));
}

static void
test_jsonl_record (void)
{
  g_autoptr(TamisDoc) doc = news_doc ();
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *record, *layers, *span;
  JsonArray *token, *mixed;
  static const char *const record_members[] = {
    "id", "lang", "lang_score", "alternatives", "short", "repaired", "meta", "layers", NULL,
  };
  static const char *const span_members[] = {
    "start", "end", "label", "score", "canonical", "rank", "weight", "known", "ids", "nothing", NULL,
  };

  tamis_doc_set_meta_string (doc, "source", "AFP");
  tamis_doc_add_repair (doc, "bom");

  out = write_docs (TAMIS_FORMAT_JSONL, &doc, 1, NULL, FALSE);
  /* One line, ending with a newline. */
  g_assert_true (g_str_has_suffix (out, "}\n"));
  g_assert_true (strchr (out, '\n') == out + strlen (out) - 1);

  root = parse (out);
  record = json_node_get_object (root);
  assert_members (record, record_members);
  g_assert_cmpstr (json_object_get_string_member (record, "id"), ==, "news-1");
  g_assert_cmpstr (json_object_get_string_member (record, "lang"), ==, "fr");
  g_assert_cmpfloat (json_object_get_double_member (record, "lang_score"), ==, 0.5);
  g_assert_true (json_object_get_boolean_member (record, "short"));
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (record, "alternatives"), 0),
                     "lang"), ==, "en");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (record, "repaired"), 0),
                   ==, "bom");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "meta"), "source"),
                   ==, "AFP");
  g_assert_false (json_object_has_member (record, "text"));

  layers = json_object_get_object_member (record, "layers");
  {
    static const char *const names[] = { "token", "mixed", NULL };
    assert_members (layers, names);
  }

  /* Code point offsets, after the two-byte Ç, the three-byte ’ and the
   * four-byte emoji. */
  token = json_object_get_array_member (layers, "token");
  g_assert_cmpuint (json_array_get_length (token), ==, 5);
  assert_span (token, 0, doc, 0, strlen ("Ça"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (token, 0), "end"), ==, 2);
  assert_span (token, 1, doc, at (doc, "65"), at (doc, "65") + 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (token, 1), "start"), ==, 9);
  assert_span (token, 2, doc, at (doc, "d’euros"), at (doc, "d’euros") + strlen ("d’euros"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (token, 2), "end"), ==, 29);
  assert_span (token, 3, doc, at (doc, "🙂"), at (doc, "🙂") + strlen ("🙂"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (token, 3), "start"), ==, 30);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (token, 3), "end"), ==, 31);
  span = json_array_get_object_element (token, 4);
  g_assert_cmpint (json_object_get_int_member (span, "start"), ==, 38);
  g_assert_cmpint (json_object_get_int_member (span, "end"), ==, 42);
  assert_members (span, span_members);
  g_assert_cmpstr (json_object_get_string_member (span, "label"), ==, "word");
  g_assert_cmpfloat (json_object_get_double_member (span, "score"), ==, 0.9);
  g_assert_cmpstr (json_object_get_string_member (span, "canonical"), ==, "Meta Platforms");
  g_assert_cmpint (json_object_get_int_member (span, "rank"), ==, 3);
  g_assert_cmpfloat (json_object_get_double_member (span, "weight"), ==, 0.75);
  g_assert_true (json_object_get_boolean_member (span, "known"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (span, "ids"), "wikidata"),
                   ==, "Q380");
  g_assert_true (json_object_get_null_member (span, "nothing"));
  /* No label, no score: the members are left out. */
  span = json_array_get_object_element (token, 0);
  g_assert_false (json_object_has_member (span, "score"));

  mixed = json_object_get_array_member (layers, "mixed");
  g_assert_cmpuint (json_array_get_length (mixed), ==, 5);
  assert_span (mixed, 0, doc, 0, tamis_doc_get_length (doc));
  assert_span (mixed, 1, doc, at (doc, "65"), at (doc, "d’euros") + strlen ("d’euros"));
  assert_span (mixed, 2, doc, at (doc, "65"), at (doc, "65") + 2);
  assert_span (mixed, 3, doc, at (doc, "🙂"), tamis_doc_get_length (doc));
  assert_span (mixed, 4, doc, at (doc, "Meta"), at (doc, "Meta") + 4);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (mixed, 0), "end"), ==,
                   g_utf8_strlen (NEWS, -1));
  g_assert_false (json_object_has_member (json_array_get_object_element (mixed, 0), "label"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (mixed, 1), "label"),
                   ==, "money");
}

/* The exact bytes of a small record. */
static void
test_jsonl_exact (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisDoc) ok = tamis_doc_new ("t1", "Hi Meta", -1, &error);
  g_autoptr(TamisDoc) failed = tamis_doc_new_failed ("t2", "empty", "t2.txt: empty document");
  TamisDoc *docs[2] = { ok, failed };
  TamisLayer *layer;
  g_autofree char *out = NULL;

  tamis_doc_set_string (ok, "lang", "en");
  layer = tamis_doc_ensure_layer (ok, "token");
  tamis_layer_add (layer, 0, 2, "word");
  tamis_layer_add (layer, 3, 7, NULL);
  tamis_doc_ensure_layer (ok, "sentence");

  out = write_docs (TAMIS_FORMAT_JSONL, docs, 2, NULL, TRUE);
  g_assert_cmpstr (out, ==,
                   "{\"id\":\"t1\",\"lang\":\"en\",\"text\":\"Hi Meta\",\"layers\":{\"token\":"
                   "[{\"start\":0,\"end\":2,\"label\":\"word\"},{\"start\":3,\"end\":7}],"
                   "\"sentence\":[]}}\n"
                   "{\"id\":\"t2\",\"error\":{\"code\":\"empty\",\"message\":\"t2.txt: empty document\"}}\n");
}

static void
test_failed_with_meta (void)
{
  g_autoptr(TamisDoc) doc = tamis_doc_new_failed ("line-7", "no-text", "in.jsonl:7: no \"text\" member");
  g_autofree char *json = NULL;

  tamis_doc_set_meta_string (doc, "title", "Sans texte");
  json = tamis_doc_to_json (doc, NULL, TRUE, FALSE);
  g_assert_cmpstr (json, ==,
                   "{\"id\":\"line-7\",\"error\":{\"code\":\"no-text\",\"message\":"
                   "\"in.jsonl:7: no \\\"text\\\" member\"},\"meta\":{\"title\":\"Sans texte\"}}");
}

static void
test_layer_filter (void)
{
  g_autoptr(TamisDoc) doc = news_doc ();
  const char *const only_mixed[] = { "mixed", "absent", NULL };
  const char *const none[] = { NULL };
  g_autofree char *out = write_docs (TAMIS_FORMAT_JSONL, &doc, 1, only_mixed, FALSE);
  g_autoptr(JsonNode) root = parse (out);
  g_autofree char *bare = NULL;
  JsonObject *layers = json_object_get_object_member (json_node_get_object (root), "layers");
  static const char *const names[] = { "mixed", NULL };

  assert_members (layers, names);

  bare = tamis_doc_to_json (doc, none, FALSE, FALSE);
  g_assert_true (g_str_has_suffix (bare, "\"layers\":{}}"));
}

static void
test_json_array (void)
{
  g_autoptr(TamisDoc) a = news_doc ();
  g_autoptr(TamisDoc) b = tamis_doc_new_failed ("b", "binary", "b.txt: binary data");
  TamisDoc *docs[2] = { a, b };
  g_autofree char *out = write_docs (TAMIS_FORMAT_JSON, docs, 2, NULL, TRUE);
  g_autofree char *empty = write_docs (TAMIS_FORMAT_JSON, NULL, 0, NULL, TRUE);
  g_autofree char *pretty = tamis_doc_to_json (b, NULL, FALSE, TRUE);
  g_autoptr(JsonNode) root = parse (out);
  JsonArray *records;

  g_assert_true (g_str_has_prefix (out, "[\n  {\n    \"id\""));
  g_assert_true (g_str_has_suffix (out, "\n  }\n]\n"));
  g_assert_nonnull (strstr (out, "\n  },\n  {\n    \"id\""));
  records = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (records), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (records, 0), "text"),
                   ==, NEWS);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_array_get_object_element (records, 1), "error"),
                     "code"), ==, "binary");

  g_assert_cmpstr (empty, ==, "[]\n");
  g_assert_true (g_str_has_prefix (pretty, "{\n  \"id\""));
}

/* The document of the table tests: attributes of every type, a span
 * attribute named like a fixed column, text that needs escaping. */
static TamisDoc *
table_doc (void)
{
  g_autoptr(GError) error = NULL;
  TamisDoc *doc = tamis_doc_new ("d\t1", "Tab\there\nand \\ back, \"Été\".", -1, &error);
  TamisLayer *layer;
  guint i;

  g_assert_no_error (error);
  tamis_doc_set_string (doc, "lang", "fr");
  tamis_doc_set_double (doc, "lang_score", 0.25);
  layer = tamis_doc_ensure_layer (doc, "chunk");
  i = tamis_layer_add (layer, 0, 14, "odd\tlabel");
  tamis_layer_set_string (layer, i, "note", "a;b=c\td");
  tamis_layer_set_int (layer, i, "n", -5);
  tamis_layer_set_bool (layer, i, "ok", FALSE);
  tamis_layer_set_score (layer, i, 0.9f);
  i = tamis_layer_add (layer, 21, 29, NULL);
  tamis_layer_set_double (layer, i, "x", 6.5e10);
  tamis_layer_set_string (layer, i, "text", "own");
  tamis_doc_ensure_layer (doc, "skipped");
  return doc;
}

static void
test_tsv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisDoc) doc = table_doc ();
  g_autoptr(TamisDoc) failed = tamis_doc_new_failed ("d2", "invalid-utf8", "d2.txt: invalid UTF-8\tat byte 3");
  g_autoptr(TamisDoc) bare = tamis_doc_new ("d3", "Rien.", -1, &error);
  g_autoptr(TamisDoc) more = tamis_doc_new ("d4", "Plus; encore.", -1, &error);
  TamisDoc *docs[4] = { doc, failed, bare, more };
  TamisLayer *layer;
  guint i;
  g_autofree char *out = NULL;
  g_autofree char *empty = NULL;

  g_assert_no_error (error);
  /* What the first document did not have goes to "attributes". */
  tamis_doc_set_bool (more, "late", TRUE);
  layer = tamis_doc_ensure_layer (more, "chunk");
  i = tamis_layer_add (layer, 0, 5, NULL);
  tamis_layer_set_string (layer, i, "extra", "p;q");
  tamis_layer_set_int (layer, i, "n", 7);

  out = write_docs (TAMIS_FORMAT_TSV, docs, 4, NULL, FALSE);
  g_assert_cmpstr (out, ==,
                   "id\tlang\tlang_score\tlayer\tstart\tend\tlabel\tscore\ttext\tnote\tn\tok\tx\tattr_text"
                   "\tattributes\terror\terror_message\n"
                   "d\\t1\tfr\t0.25\tchunk\t0\t14\todd\\tlabel\t0.9\tTab\\there\\nand \\\\\ta;b=c\\td\t-5\tfalse"
                   "\t\t\t\t\t\n"
                   "d\\t1\tfr\t0.25\tchunk\t21\t27\t\t\t\"Été\".\t\t\t\t65000000000\town\t\t\t\n"
                   "d2\t\t\t\t\t\t\t\t\t\t\t\t\t\t\tinvalid-utf8\td2.txt: invalid UTF-8\\tat byte 3\n"
                   "d3\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n"
                   "d4\t\t\tchunk\t0\t5\t\t\tPlus;\t\t7\t\t\t\tlate=true;extra=p\\\\;q\t\t\n");

  empty = write_docs (TAMIS_FORMAT_TSV, NULL, 0, NULL, FALSE);
  g_assert_cmpstr (empty, ==, "id\tlayer\tstart\tend\tlabel\tscore\ttext\tattributes\terror\terror_message\n");
}

static void
test_csv (void)
{
  g_autoptr(TamisDoc) doc = table_doc ();
  g_autoptr(TamisDoc) failed = tamis_doc_new_failed ("d,2", "binary", "say \"no\"");
  TamisDoc *docs[2] = { doc, failed };
  const char *const chunk[] = { "chunk", NULL };
  const char *const none[] = { NULL };
  g_autofree char *out = write_docs (TAMIS_FORMAT_CSV, docs, 2, chunk, FALSE);
  g_autofree char *no_layers = write_docs (TAMIS_FORMAT_CSV, docs, 1, none, FALSE);
  g_autofree char *empty = write_docs (TAMIS_FORMAT_CSV, NULL, 0, NULL, FALSE);
  g_autoptr(GError) error = NULL;
  TamisFormat format;

  g_assert_cmpstr (out, ==,
                   "id,lang,lang_score,layer,start,end,label,score,text,note,n,ok,x,attr_text,attributes,error,error_message\r\n"
                   "d\t1,fr,0.25,chunk,0,14,odd\tlabel,0.9,\"Tab\there\nand \\\",a;b=c\td,-5,false,,,,,\r\n"
                   "d\t1,fr,0.25,chunk,21,27,,,\"\"\"Été\"\".\",,,,65000000000,own,,,\r\n"
                   "\"d,2\",,,,,,,,,,,,,,,binary,\"say \"\"no\"\"\"\r\n");
  /* No layer written: one row per document all the same. */
  g_assert_cmpstr (no_layers, ==,
                   "id,lang,lang_score,layer,start,end,label,score,text,attributes,error,error_message\r\n"
                   "d\t1,fr,0.25,,,,,,,,,\r\n");
  g_assert_cmpstr (empty, ==, "id,layer,start,end,label,score,text,attributes,error,error_message\r\n");

  g_assert_true (tamis_format_from_string ("csv", &format, &error));
  g_assert_cmpint (format, ==, TAMIS_FORMAT_CSV);
}

/* The document attributes chosen are the columns, in the order given. */
static void
test_table_attributes (void)
{
  g_autoptr(TamisDoc) doc = table_doc ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  const char *const none[] = { NULL };
  const char *const chosen[] = { "lang_score", "absent", NULL };
  g_autoptr(TamisWriter) writer = tamis_writer_new (TAMIS_FORMAT_CSV, stream, none, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  tamis_writer_set_attributes (writer, chosen);
  tamis_writer_write (writer, doc, &error);
  g_assert_no_error (error);
  tamis_writer_finish (writer, &error);
  g_assert_no_error (error);
  out = stream_text (stream);
  g_assert_cmpstr (out, ==,
                   "id,lang_score,absent,layer,start,end,label,score,text,attributes,error,error_message\r\n"
                   "d\t1,0.25,,,,,,,,,,\r\n");
}

static void
test_format_names (void)
{
  g_autoptr(GError) error = NULL;
  TamisFormat format = TAMIS_FORMAT_JSONL;

  g_assert_true (tamis_format_from_string ("tsv", &format, &error));
  g_assert_cmpint (format, ==, TAMIS_FORMAT_TSV);
  g_assert_true (tamis_format_from_string ("json", &format, &error));
  g_assert_cmpint (format, ==, TAMIS_FORMAT_JSON);
  g_assert_true (tamis_format_from_string ("jsonl", &format, &error));
  g_assert_cmpint (format, ==, TAMIS_FORMAT_JSONL);
  g_assert_false (tamis_format_from_string ("xml", &format, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "xml"));
}

static void
test_stream_error (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(TamisWriter) writer = tamis_writer_new (TAMIS_FORMAT_JSONL, stream, NULL, FALSE);
  g_autoptr(TamisDoc) doc = tamis_doc_new_failed ("x", "empty", "x: empty document");
  g_autoptr(GError) error = NULL;

  g_output_stream_close (stream, NULL, NULL);
  g_assert_false (tamis_writer_write (writer, doc, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
}

/* What the reader gives and the writer writes back: JSONL metadata pass
 * through, and records come out in input order. */
static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tamis-writer-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "in.jsonl", NULL);
  const char *inputs[] = { path, NULL };
  g_autoptr(TamisReader) reader = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(TamisWriter) writer = tamis_writer_new (TAMIS_FORMAT_JSONL, stream, NULL, FALSE);
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  TamisDoc *doc;

  g_assert_no_error (error);
  g_file_set_contents (path,
                       "{\"id\": \"a\", \"text\": \"Un.\", \"source\": {\"name\": \"AFP\", \"year\": 2025}}\n"
                       "{\"id\": \"b\"}\n", -1, &error);
  g_assert_no_error (error);

  reader = tamis_reader_new (inputs, TAMIS_INPUT_AUTO, 0, &error);
  g_assert_no_error (error);
  while ((doc = tamis_reader_next (reader, &error)) != NULL)
    {
      tamis_writer_write (writer, doc, &error);
      g_assert_no_error (error);
      tamis_doc_free (doc);
    }
  g_assert_no_error (error);
  tamis_writer_finish (writer, &error);
  g_assert_no_error (error);

  out = stream_text (stream);
  expected = g_strdup_printf ("{\"id\":\"a\",\"meta\":{\"source\":{\"name\":\"AFP\",\"year\":2025}},\"layers\":{}}\n"
                              "{\"id\":\"b\",\"error\":{\"code\":\"no-text\",\"message\":"
                              "\"%s:2: no \\\"text\\\" member\"}}\n", path);
  g_assert_cmpstr (out, ==, expected);

  g_unlink (path);
  g_rmdir (dir);
}

/* The writer reuses span objects from one record to the next: records of
 * documents whose spans change shape must still come out exactly as a
 * fresh serialisation gives them. */
static TamisDoc *
shaped_doc (guint variant, guint n_spans)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  TamisDoc *doc;
  TamisLayer *layer;

  /* Values (not shapes) depend on the size, so that reused objects get
   * new values: an odd size shifts every offset. */
  if (n_spans % 2)
    g_string_append (text, "Ç ");
  for (guint i = 0; i < n_spans; i++)
    g_string_append (text, i % 3 ? "mot " : "été ");
  doc = tamis_doc_new ("shaped", text->str, text->len, &error);
  g_assert_no_error (error);
  layer = tamis_doc_ensure_layer (doc, variant % 2 ? "b" : "a");
  if (variant == 3)
    tamis_doc_ensure_layer (doc, "a");

  for (guint i = 0, start = n_spans % 2 ? 3 : 0; i < n_spans; start += i % 3 ? 4 : 6, i++)
    {
      /* the i-th word: "été" is five bytes, "mot" three */
      guint j = tamis_layer_add (layer, start, start + (i % 3 ? 3 : 5),
                           (i + variant) % 4 == 0 ? NULL : (i + n_spans) % 2 ? "odd" : "even");
      if ((i + variant) % 5 == 0)
        tamis_layer_set_score (layer, j, 0.125f * (n_spans % 7));
      switch ((i * 7 + variant) % 6)
        {
        case 0:
          break;
        case 1:
          tamis_layer_set_string (layer, j, "name", n_spans % 2 ? "Meta" : "Nvidia");
          break;
        case 2:
          tamis_layer_set_double (layer, j, "value", variant == 2 ? NAN : 6.5e10 + i + n_spans);
          break;
        case 3:
          tamis_layer_set_json (layer, j, "ids", variant % 2 ? "[1, 2]" : "{\"q\": \"Q380\"}");
          tamis_layer_set_int (layer, j, "n", i + n_spans);
          break;
        case 4:
          tamis_layer_set_string (layer, j, "start", "shadows the offset");
          break;
        default:
          tamis_layer_set_bool (layer, j, "flag", (i + n_spans) % 2);
          tamis_layer_set_string (layer, j, "name", "x");
          break;
        }
    }
  return doc;
}

static void
test_reused_objects (void)
{
  static const guint sizes[] = { 40, 12, 0, 57, 57, 3, 70000, 9, 120 };
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(TamisWriter) writer = tamis_writer_new (TAMIS_FORMAT_JSONL, stream, NULL, FALSE);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(TamisDoc) doc = shaped_doc (k % 4, sizes[k]);
      g_autofree char *json = tamis_doc_to_json (doc, NULL, FALSE, FALSE);

      g_string_append (expected, json);
      g_string_append_c (expected, '\n');
      tamis_writer_write (writer, doc, &error);
      g_assert_no_error (error);
    }
  tamis_writer_finish (writer, &error);
  g_assert_no_error (error);
  out = stream_text (stream);
  g_assert_true (strcmp (out, expected->str) == 0);
  /* and the shadowing attribute won over the offset, as in any JSON object */
  g_assert_nonnull (strstr (out, "\"start\":\"shadows the offset\""));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/writer/jsonl-record", test_jsonl_record);
  g_test_add_func ("/writer/jsonl-exact", test_jsonl_exact);
  g_test_add_func ("/writer/failed-with-meta", test_failed_with_meta);
  g_test_add_func ("/writer/layer-filter", test_layer_filter);
  g_test_add_func ("/writer/json-array", test_json_array);
  g_test_add_func ("/writer/tsv", test_tsv);
  g_test_add_func ("/writer/csv", test_csv);
  g_test_add_func ("/writer/table-attributes", test_table_attributes);
  g_test_add_func ("/writer/format-names", test_format_names);
  g_test_add_func ("/writer/stream-error", test_stream_error);
  g_test_add_func ("/writer/round-trip", test_round_trip);
  g_test_add_func ("/writer/reused-objects", test_reused_objects);

  return g_test_run ();
}
