/* Tests of the document model: text, attributes, layers, offsets. */
#include <math.h>
#include <string.h>

#include <tamis/tamis.h>

#include "spans.h"

static void
test_invalid_utf8 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisDoc) doc = tamis_doc_new ("bad", "caf\xc3 au lait", -1, &error);

  g_assert_null (doc);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "byte 3"));
  g_clear_error (&error);

  /* past a long ASCII run, and a NUL */
  g_assert_null (tamis_doc_new ("long", "Meta investit des milliards en \xe9t\xe9", -1, &error));
  g_assert_nonnull (strstr (error->message, "invalid UTF-8 at byte 31"));
  g_clear_error (&error);
  g_assert_null (tamis_doc_new ("nul", "Meta\0Nvidia", 11, &error));
  g_assert_nonnull (strstr (error->message, "NUL byte at byte 4"));
}

static void
test_attributes (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisDoc) doc = tamis_doc_new ("a", "Meta dépensera 65 milliards.", -1, &error);
  TamisAttrIter iter;
  const char *key;
  TamisValue value;
  guint n = 0;

  g_assert_no_error (error);
  tamis_doc_set_string (doc, "lang", "en");
  tamis_doc_set_double (doc, "lang_score", 0.5);
  tamis_doc_set_string (doc, "lang", "fr"); /* replaces, keeps its place */
  tamis_doc_set_int (doc, "n", 7);
  tamis_doc_set_json (doc, "alt", "[{\"lang\":\"en\"}]");

  g_assert_cmpstr (tamis_doc_get_string (doc, "lang"), ==, "fr");
  g_assert_true (tamis_doc_get_attr (doc, "lang_score", &value));
  g_assert_cmpint (value.type, ==, TAMIS_VALUE_DOUBLE);
  g_assert_cmpfloat (value.d, ==, 0.5);
  g_assert_false (tamis_doc_get_attr (doc, "missing", NULL));
  g_assert_null (tamis_doc_get_string (doc, "n"));

  tamis_doc_attr_iter_init (&iter, doc);
  while (tamis_attr_iter_next (&iter, &key, &value))
    {
      static const char *const order[] = { "lang", "lang_score", "n", "alt" };
      g_assert_cmpstr (key, ==, order[n]);
      n++;
    }
  g_assert_cmpuint (n, ==, 4);
}

static void
test_layers (void)
{
  g_autoptr (GError) error = NULL;
  const char *text = "Nvidia a perdu 600 milliards de dollars.";
  g_autoptr (TamisDoc) doc = tamis_doc_new ("b", text, -1, &error);
  TamisLayer *layer = tamis_doc_ensure_layer (doc, "money");
  g_autofree TestSpan *spans = NULL;
  TamisValue value;
  TamisAttrIter iter;
  const char *key;
  guint n, i;

  g_assert_true (tamis_doc_ensure_layer (doc, "money") == layer);
  g_assert_null (tamis_doc_get_layer (doc, "token"));

  i = tamis_layer_add (layer, 15, 39, "money");
  tamis_layer_set_double (layer, i, "value", 6e11);
  tamis_layer_set_static (layer, i, "currency", "USD");
  i = tamis_layer_add (layer, 0, 6, NULL);
  tamis_layer_set_string_len (layer, i, "text", text, 6);
  i = tamis_layer_add (layer, 15, 18, "number");
  tamis_layer_set_bool (layer, i, "digits", TRUE);
  tamis_layer_set_double (layer, 0, "value", 6.0e11); /* replace */

  tamis_layer_sort (layer);
  spans = test_spans (layer, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (spans[0].start, ==, 0);
  g_assert_cmpuint (spans[1].start, ==, 15);
  g_assert_cmpuint (spans[1].end, ==, 39); /* longest first at equal start */
  g_assert_cmpstr (spans[2].label, ==, "number");
  g_assert_true (isnan (spans[0].score));

  /* attributes followed their spans through the sort */
  g_assert_true (tamis_layer_get_attr (layer, 0, "text", &value));
  g_assert_cmpstr (value.s, ==, "Nvidia");
  g_assert_true (tamis_layer_get_attr (layer, 2, "digits", &value));
  g_assert_true (value.b);
  g_assert_false (tamis_layer_get_attr (layer, 2, "value", NULL));
  n = 0;
  tamis_layer_attr_iter_init (&iter, layer, 1);
  while (tamis_attr_iter_next (&iter, &key, &value))
    n++;
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (tamis_layer_get_attr (layer, 1, "value", &value));
  g_assert_cmpfloat (value.d, ==, 6e11);

  /* the typed getters and the span setters */
  g_assert_cmpstr (tamis_layer_get_string (layer, 0, "text"), ==, "Nvidia");
  g_assert_null (tamis_layer_get_string (layer, 1, "value"));
  g_assert_cmpfloat (tamis_layer_get_double (layer, 1, "value", 0), ==, 6e11);
  g_assert_cmpfloat (tamis_layer_get_double (layer, 1, "currency", -1), ==, -1);
  g_assert_true (tamis_layer_get_bool (layer, 2, "digits", FALSE));
  g_assert_cmpint (tamis_layer_get_int (layer, 2, "digits", 7), ==, 7);
  tamis_layer_set_score (layer, 1, 0.75);
  tamis_layer_set_label (layer, 1, "amount");
  g_assert_cmpfloat (tamis_layer_get_score (layer, 1), ==, 0.75);
  g_assert_cmpstr (tamis_layer_get_label (layer, 1), ==, "amount");
  g_assert_cmpstr (tamis_layer_get_name (layer), ==, "money");
  g_assert_true (tamis_layer_get_doc (layer) == doc);

  tamis_layer_clear (layer);
  g_assert_cmpuint (tamis_layer_get_n_spans (layer), ==, 0);
  g_assert_cmpuint (tamis_doc_get_n_layers (doc), ==, 1);
}

static void
test_many_spans (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strnfill (200000, 'a');
  g_autoptr (TamisDoc) doc = tamis_doc_new ("big", text, -1, &error);
  TamisLayer *layer = tamis_doc_ensure_layer (doc, "token");

  for (guint i = 0; i < 100000; i++)
    tamis_layer_add (layer, 2 * i, 2 * i + 1, "word");
  g_assert_cmpuint (tamis_layer_get_n_spans (layer), ==, 100000);
  g_assert_cmpuint (tamis_layer_get_start (layer, 99999), ==, 199998);
  g_assert_cmpuint (tamis_layer_get_end (layer, 99999), ==, 199999);
}

static void
test_char_offsets (void)
{
  g_autoptr (GError) error = NULL;
  /* "é" is 2 bytes, "’" 3 bytes, the emoji 4 bytes */
  const char *text = "Déjà l’IA 🙂 coûte";
  g_autoptr (TamisDoc) doc = tamis_doc_new ("c", text, -1, &error);
  const char *emoji = strstr (text, "🙂");
  const char *cost = strstr (text, "coûte");

  g_assert_cmpuint (tamis_doc_char_offset (doc, 0), ==, 0);
  g_assert_cmpuint (tamis_doc_char_offset (doc, emoji - text), ==, 10);
  g_assert_cmpuint (tamis_doc_char_offset (doc, cost - text), ==, 12);
  /* backwards, then forwards again */
  g_assert_cmpuint (tamis_doc_char_offset (doc, 3), ==, 2);
  g_assert_cmpuint (tamis_doc_char_offset (doc, strlen (text)), ==, g_utf8_strlen (text, -1));
  g_assert_cmpuint (tamis_doc_char_offset (doc, 1), ==, 1);
}

static void
test_failed_and_repairs (void)
{
  g_autoptr (TamisDoc) doc = tamis_doc_new_failed ("x.txt", "binary", "x.txt: binary file");
  g_autoptr (TamisDoc) ok = tamis_doc_new ("y", "texte", -1, NULL);

  g_assert_cmpstr (tamis_doc_get_error_code (doc), ==, "binary");
  g_assert_cmpstr (tamis_doc_get_error_message (doc), ==, "x.txt: binary file");
  g_assert_cmpuint (tamis_doc_get_length (doc), ==, 0);
  g_assert_null (tamis_doc_get_error_code (ok));
  g_assert_null (tamis_doc_get_repairs (ok));
  tamis_doc_add_repair (ok, "bom");
  tamis_doc_add_repair (ok, "crlf");
  tamis_doc_add_repair (ok, "bom");
  g_assert_cmpuint (g_strv_length ((char **) tamis_doc_get_repairs (ok)), ==, 2);
  g_assert_true (tamis_doc_intern (ok, "PER") == tamis_doc_intern (ok, "PER"));
}

static void
test_from_memory (void)
{
  g_autoptr (GError) error = NULL;
  /* a BOM and CR LF line ends, as a file from a Windows editor has them */
  g_autoptr (TamisDoc) doc = tamis_doc_new_full ("mem", "\xef\xbb\xbfMeta investit.\r\nNvidia recule.\r",
                                                 -1, TAMIS_DOC_REPAIR, &error);
  g_autoptr (TamisDoc) raw = tamis_doc_new_full ("raw", "a\r\nb", -1, TAMIS_DOC_NONE, &error);
  g_autofree char *json = NULL;
  const char *const *repairs;

  g_assert_no_error (error);
  g_assert_cmpstr (tamis_doc_get_text (doc), ==, "Meta investit.\nNvidia recule.\n");
  repairs = tamis_doc_get_repairs (doc);
  g_assert_cmpstr (repairs[0], ==, "bom");
  g_assert_cmpstr (repairs[1], ==, "crlf");
  g_assert_cmpstr (repairs[2], ==, "cr");
  g_assert_cmpstr (tamis_doc_get_text (raw), ==, "a\r\nb");
  g_assert_null (tamis_doc_get_repairs (raw));
  g_assert_null (tamis_doc_new_full ("u16", "\xff\xfeM\0", 4, TAMIS_DOC_REPAIR, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
  g_clear_error (&error);

  /* typed getters with fallbacks */
  tamis_doc_set_int (doc, "n", 3);
  tamis_doc_set_double (doc, "score", 0.25);
  tamis_doc_set_bool (doc, "ok", TRUE);
  g_assert_cmpint (tamis_doc_get_int (doc, "n", -1), ==, 3);
  g_assert_cmpint (tamis_doc_get_int (doc, "score", -1), ==, -1);
  g_assert_cmpfloat (tamis_doc_get_double (doc, "n", 0), ==, 3.0);
  g_assert_cmpfloat (tamis_doc_get_double (doc, "score", 0), ==, 0.25);
  g_assert_cmpfloat (tamis_doc_get_double (doc, "absent", 9.5), ==, 9.5);
  g_assert_true (tamis_doc_get_bool (doc, "ok", FALSE));
  g_assert_false (tamis_doc_get_bool (doc, "n", FALSE));

  /* metadata set by the program reaches the record */
  tamis_doc_set_meta_string (doc, "source", "wire");
  g_assert_true (tamis_doc_set_meta_json (doc, "tags", "[\"ai\", \"chips\"]", &error));
  g_assert_no_error (error);
  g_assert_false (tamis_doc_set_meta_json (doc, "bad", "[1,", &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT);
  g_assert_cmpstr (tamis_doc_get_meta (doc, "source"), ==, "wire");
  json = tamis_doc_to_json (doc, NULL, FALSE, FALSE);
  g_assert_nonnull (strstr (json, "\"meta\":{\"source\":\"wire\",\"tags\":[\"ai\",\"chips\"]}"));
  g_assert_nonnull (strstr (json, "\"repaired\":[\"bom\",\"crlf\",\"cr\"]"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/document/attributes", test_attributes);
  g_test_add_func ("/document/layers", test_layers);
  g_test_add_func ("/document/many-spans", test_many_spans);
  g_test_add_func ("/document/char-offsets", test_char_offsets);
  g_test_add_func ("/document/failed-and-repairs", test_failed_and_repairs);
  g_test_add_func ("/document/from-memory", test_from_memory);
  return g_test_run ();
}
