/* Tests of the HTML report writer: what goes inside the page's script
 * elements stays JSON, cannot end them, and keeps only what the page shows. */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <tamis/tamis.h>
#include "writer-html.h"

/* Ends a script element, opens a comment, and has both line separators. */
#define TRICKY "😀 Meta </script><!-- <script> a\u2028b\u2029c </SCRIPT"

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static JsonNode *
parse (const char *json, gssize len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, len, &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

static void
test_escape (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) back = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, TRICKY);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  tamis_html_escape_json (out, json, strlen (json));
  g_assert_null (strchr (out->str, '<'));
  g_assert_null (strstr (out->str, "\u2028"));
  g_assert_null (strstr (out->str, "\u2029"));
  g_assert_nonnull (strstr (out->str, "\\u003c/script>"));
  g_assert_nonnull (strstr (out->str, "\\u2028"));
  /* The same string once parsed. */
  back = parse (out->str, out->len);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (back), "text"), ==, TRICKY);
}

static void
test_filter (void)
{
  const char *record =
    "{\"id\": \"a\", \"lang\": \"fr\", \"by\": {\"segment 1\": [\"token\"]}, \"alternatives\": [0.5], \"text\": \"Meta 65 €\","
    " \"layers\": {\"token\": [{\"start\": 0, \"end\": 4}], \"entity\": [{\"start\":0,\"end\":4,\"label\":\"ORG\"}],"
    " \"sentence\": [], \"money\": [{\"start\": 5, \"end\": 9, \"value\": 6.5e1, \"text\": \"65 €\"}]},"
    " \"entity_sentiment\": {\"Meta\": {\"score\": -0.050000000000000003}}}\n";
  g_autoptr(GString) out = g_string_new ("x");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj, *layers;

  g_assert_true (tamis_html_filter_record (out, record, strlen (record), &error));
  g_assert_no_error (error);
  /* Appended, and what is kept is kept byte for byte. */
  g_assert_true (g_str_has_prefix (out->str, "x{"));
  g_assert_nonnull (strstr (out->str, "\"entity\":[{\"start\":0,\"end\":4,\"label\":\"ORG\"}]"));
  /* Fractional numbers in their shortest form; lists and objects other
   * than the page's dropped. */
  g_assert_nonnull (strstr (out->str, "\"value\": 65,"));
  g_assert_nonnull (strstr (out->str, "\"score\": -0.05}"));
  g_assert_null (strstr (out->str, "alternatives"));
  root = parse (out->str + 1, out->len - 1);
  obj = json_node_get_object (root);
  g_assert_false (json_object_has_member (obj, "by"));
  g_assert_cmpstr (json_object_get_string_member (obj, "text"), ==, "Meta 65 €");
  g_assert_true (json_object_has_member (obj, "entity_sentiment"));
  layers = json_object_get_object_member (obj, "layers");
  g_assert_cmpuint (json_object_get_size (layers), ==, 2);
  g_assert_true (json_object_has_member (layers, "entity"));
  g_assert_true (json_object_has_member (layers, "money"));

  /* Escaped too. */
  g_string_truncate (out, 0);
  record = "{\"id\": \"</script>\", \"layers\": {}}";
  g_assert_true (tamis_html_filter_record (out, record, strlen (record), &error));
  g_assert_cmpstr (out->str, ==, "{\"id\":\"\\u003c/script>\",\"layers\":{}}");
}

static void
test_filter_refuses (void)
{
  const char *bad[] = { "", "[1]", "{", "{\"a\": 1} x", "{\"a\" 1}", "{\"a\": [1, 2}", "{\"a\": \"b}",
                        "{\"layers\": {\"x\": ]}}", "{\"a\": 1,}", "{\"a\": }" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GString) out = g_string_new ("kept");
      g_autoptr(GError) error = NULL;

      g_assert_false (tamis_html_filter_record (out, bad[i], strlen (bad[i]), &error));
      g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT);
      g_assert_cmpstr (out->str, ==, "kept");
    }
}

static TamisDoc *
tricky_doc (const char *id)
{
  g_autoptr(GError) error = NULL;
  TamisDoc *doc = tamis_doc_new (id, TRICKY, -1, &error);
  const char *text = tamis_doc_get_text (doc);
  TamisLayer *entity, *token;
  const char *meta = strstr (text, "Meta");
  guint i;

  g_assert_no_error (error);
  tamis_doc_set_string (doc, "lang", "en");
  entity = tamis_doc_ensure_layer (doc, "entity");
  i = tamis_layer_add (entity, meta - text, meta - text + 4, "ORG");
  tamis_layer_set_string (entity, i, "canonical", "Meta");
  token = tamis_doc_ensure_layer (doc, "token");
  tamis_layer_add (token, meta - text, meta - text + 4, "word");
  return doc;
}

/* The page's text once written, with @n tricky documents. */
static char *
write_page (guint n, gboolean as_json)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(TamisWriter) writer = tamis_writer_new (TAMIS_FORMAT_HTML, stream, NULL, FALSE);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("doc-%u", i);
      g_autoptr(TamisDoc) doc = tricky_doc (id);

      if (as_json)
        {
          g_autofree char *json = tamis_doc_to_json (doc, NULL, TRUE, FALSE);
          tamis_writer_write_json (writer, json, -1, &error);
        }
      else
        tamis_writer_write (writer, doc, &error);
      g_assert_no_error (error);
    }
  tamis_writer_finish (writer, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
}

/* The JSON inside the first element opened by @open, parsed. */
static JsonNode *
element_json (const char *page, const char *open)
{
  const char *start = strstr (page, open);
  const char *end;

  g_assert_nonnull (start);
  start = strchr (start, '>') + 1;
  end = strstr (start, "</script>");
  g_assert_nonnull (end);
  return parse (start, end - start);
}

static void
test_page (void)
{
  g_autofree char *page = write_page (3, FALSE);
  g_autoptr(JsonNode) records = NULL;
  g_autoptr(JsonNode) meta = NULL;
  g_autoptr(JsonNode) summary = NULL;
  JsonObject *first;

  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>"));
  g_assert_true (g_str_has_suffix (page, "</html>\n"));
  /* Every script element is closed where the page means it, and nothing
   * written into one opens another or a comment. */
  g_assert_cmpuint (count (page, "<script"), ==, count (page, "</script>"));
  g_assert_cmpuint (count (page, "<!--"), ==, count (page, "-->"));
  g_assert_null (strstr (page, "\u2028"));
  g_assert_null (strstr (page, "@@"));
  g_assert_null (strstr (page, " src="));

  records = element_json (page, "class=\"tamis-records\" data-first=\"0\"");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (records)), ==, 3);
  first = json_array_get_object_element (json_node_get_array (records), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "doc-0");
  /* The text is kept although the writer was asked for none; tokens are not. */
  g_assert_cmpstr (json_object_get_string_member (first, "text"), ==, TRICKY);
  g_assert_true (json_object_has_member (json_object_get_object_member (first, "layers"), "entity"));
  g_assert_false (json_object_has_member (json_object_get_object_member (first, "layers"), "token"));

  meta = element_json (page, "id=\"tamis-meta\"");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (meta), "records"), ==, 3);
  summary = element_json (page, "id=\"tamis-summary\"");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (summary), "tamis_summary"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_node_get_object (summary),
                                                                               "documents"), "total"), ==, 3);
}

static void
test_blocks (void)
{
  g_autofree char *page = write_page (600, FALSE);

  g_assert_cmpuint (count (page, "class=\"tamis-records\""), ==, 3);
  g_assert_nonnull (strstr (page, "data-first=\"256\""));
  g_assert_nonnull (strstr (page, "data-first=\"512\""));
  g_assert_nonnull (strstr (page, "\"records\":600"));
}

/* A record read back gives the same page as its document. */
static void
test_write_json (void)
{
  g_autofree char *from_docs = write_page (5, FALSE);
  g_autofree char *from_json = write_page (5, TRUE);

  g_assert_cmpstr (from_docs, ==, from_json);
}

static void
test_empty (void)
{
  g_autofree char *page = write_page (0, FALSE);
  g_autoptr(JsonNode) meta = element_json (page, "id=\"tamis-meta\"");

  g_assert_null (strstr (page, "tamis-records\""));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (meta), "records"), ==, 0);
  g_assert_cmpuint (count (page, "<script"), ==, count (page, "</script>"));
}

static void
test_summary_json (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(TamisWriter) writer = tamis_writer_new (TAMIS_FORMAT_HTML, stream, NULL, FALSE);
  g_autoptr(GError) error = NULL;
  const char *page;

  tamis_writer_set_summary_json (writer, "{\"tamis_summary\": 1, \"note\": \"</script>\"}");
  tamis_writer_finish (writer, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL);
  page = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream));
  g_assert_nonnull (strstr (page, "{\"tamis_summary\": 1, \"note\": \"\\u003c/script>\"}"));
}

static void
test_tsv_refuses_json (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(TamisWriter) writer = tamis_writer_new (TAMIS_FORMAT_TSV, stream, NULL, FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_false (tamis_writer_write_json (writer, "{\"id\": \"a\"}", -1, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/writer-html/escape", test_escape);
  g_test_add_func ("/writer-html/filter", test_filter);
  g_test_add_func ("/writer-html/filter-refuses", test_filter_refuses);
  g_test_add_func ("/writer-html/page", test_page);
  g_test_add_func ("/writer-html/blocks", test_blocks);
  g_test_add_func ("/writer-html/write-json", test_write_json);
  g_test_add_func ("/writer-html/empty", test_empty);
  g_test_add_func ("/writer-html/summary-json", test_summary_json);
  g_test_add_func ("/writer-html/tsv-refuses-json", test_tsv_refuses_json);
  return g_test_run ();
}
