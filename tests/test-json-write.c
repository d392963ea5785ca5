/* Tests of the JSON emitter (core/json-write.c) and of the JSON records
 * written with it: escapes, shortest doubles that read back bit for bit,
 * raw values, and random documents whose records, parsed by json-glib,
 * must equal a reference tree built member by member the way records were
 * once built (json_object_set_member: a second member of the same name
 * replaces the value of the first, where it stands). */
#include <float.h>
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <tamis/tamis.h>
#include "document-private.h"
#include "io-private.h"
#include "json-write.h"

static char *
emit_string (const char *s, gssize len)
{
  GString *out = g_string_new (NULL);

  tamis_json_append_string (out, s, len);
  return g_string_free (out, FALSE);
}

static void
test_strings (void)
{
  static const struct { const char *in; gssize len; const char *out; } cases[] = {
    { "plain", -1, "\"plain\"" },
    { "a\"b\\c/d", -1, "\"a\\\"b\\\\c/d\"" },
    { "\b\f\n\r\t\x01\x1f\x7f", -1, "\"\\b\\f\\n\\r\\t\\u0001\\u001f\x7f\"" },
    { "nul\0byte", 8, "\"nul\\u0000byte\"" },
    { "line\xe2\x80\xa8para\xe2\x80\xa9", -1, "\"line\\u2028para\\u2029\"" },
    { "é€🙂\xef\xbf\xbf", -1, "\"é€🙂\xef\xbf\xbf\"" },
    /* invalid: a lone continuation, a cut sequence, an overlong form, a surrogate */
    { "a\x80z", -1, "\"a\\ufffdz\"" },
    { "a\xe2\x82", -1, "\"a\\ufffd\\ufffd\"" },
    { "\xc0\xaf", -1, "\"\\ufffd\\ufffd\"" },
    { "\xed\xa0\x80", -1, "\"\\ufffd\\ufffd\\ufffd\"" },
    { "0123456789abcdef\"0123456789abcdef\xe2\x80\xa8", -1,
      "\"0123456789abcdef\\\"0123456789abcdef\\u2028\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = emit_string (cases[i].in, cases[i].len);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* Significant digits of a number as written. */
static guint
significant_digits (const char *s)
{
  guint n = 0, zeros = 0;
  gboolean leading = TRUE;

  for (; *s && *s != 'e' && *s != 'E'; s++)
    {
      if (!g_ascii_isdigit (*s))
        continue;
      if (*s == '0' && leading)
        continue;
      leading = FALSE;
      /* trailing zeros of an integer do not count */
      zeros = *s == '0' ? zeros + 1 : 0;
      n++;
    }
  return n - zeros;
}

static void
check_double (double d)
{
  g_autoptr(GString) out = g_string_new (NULL);
  double back;
  guint digits;

  tamis_json_append_double (out, d);
  if (!isfinite (d))
    {
      g_assert_cmpstr (out->str, ==, "null");
      return;
    }
  back = g_ascii_strtod (out->str, NULL);
  if (memcmp (&back, &d, sizeof d) != 0)
    g_error ("%.17g written %s reads back as %.17g", d, out->str, back);
  /* The shortest: one digit less does not read back. */
  digits = significant_digits (out->str);
  g_assert_cmpuint (digits, <=, 17);
  if (digits > 1)
    {
      char buf[64];

      g_snprintf (buf, sizeof buf, "%.*e", digits - 2, d);
      if (g_ascii_strtod (buf, NULL) == d)
        g_error ("%.17g written %s, but %s reads back too", d, out->str, buf);
    }
}

static double
random_double (GRand *rand)
{
  static const double specials[] = {
    0.1, 0.2, 0.3, 1.245, 1.2450000000000001, 0.9962, 0.99990000000000001, 1e-300, 5e-324,
    DBL_MIN, DBL_MAX, -DBL_MAX, 1e21, 1e22, 1e23, 1e15, 1e16, 1e17, 1e20, 9007199254740992.0,
    9007199254740993.0, 123456789012345678.0, 0.30000000000000004, 35100000000.0, 3500000.0,
    1e-4, 1e-5, 0.00012345, 999999999999999.9, 0.0, -0.0, 1.0, -1.5, 2.5e-8, 1.7976931348623157e308,
  };
  guint64 bits;
  double d;

  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0:
      return specials[g_rand_int_range (rand, 0, G_N_ELEMENTS (specials))];
    case 1:
      /* a short decimal: what scores and amounts are */
      return g_rand_int_range (rand, -1000000, 1000000) / pow (10, g_rand_int_range (rand, 0, 9));
    case 2:
      return g_rand_double_range (rand, -1e6, 1e6);
    case 3:
      return (double) g_rand_int (rand) * g_rand_int (rand) * (g_rand_boolean (rand) ? 1 : -1);
    default:
      /* any bit pattern, NaN and infinities included */
      bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      memcpy (&d, &bits, sizeof d);
      return d;
    }
}

static void
test_doubles (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  static const struct { double d; const char *out; } cases[] = {
    { 0.9962, "0.9962" }, { 1.2450000000000001, "1.245" }, { 35100000000.0, "35100000000" },
    { 3500000, "3500000" }, { 0.1, "0.1" }, { 1e-300, "1e-300" }, { 1e21, "1e+21" },
    { -0.0, "-0.0" }, { 0.0, "0" }, { 0.0001, "0.0001" }, { 1e-5, "1e-05" },
    { 0.30000000000000004, "0.30000000000000004" }, { 123.456, "123.456" }, { -2.5, "-2.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      tamis_json_append_double (out, cases[i].d);
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }
  for (guint i = 0; i < 200000; i++)
    check_double (random_double (rand));
  check_double (NAN);
  check_double (INFINITY);
}

static void
test_ints (void)
{
  static const struct { gint64 i; const char *out; } cases[] = {
    { 0, "0" }, { 7, "7" }, { -7, "-7" }, { 10, "10" }, { 99999, "99999" }, { 100000, "100000" },
    { G_MAXUINT32, "4294967295" }, { (gint64) G_MAXUINT32 + 1, "4294967296" },
    { G_MAXINT64, "9223372036854775807" }, { G_MININT64, "-9223372036854775808" },
  };
  g_autoptr(GString) big = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      tamis_json_append_int (out, cases[i].i);
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }
  tamis_json_append_uint (big, G_MAXUINT64);
  g_assert_cmpstr (big->str, ==, "18446744073709551615");
  /* every number of digits, and either side of each power of ten */
  for (guint64 v = 1, n = 1; n <= 19; v *= 10, n++)
    for (guint64 w = v - 1; w <= v + 1; w++)
      {
        g_autoptr(GString) out = g_string_new (NULL);
        g_autofree char *printed = g_strdup_printf ("%" G_GUINT64_FORMAT, w);

        tamis_json_append_uint (out, w);
        g_assert_cmpstr (out->str, ==, printed);
      }
}

static void
test_raw (void)
{
  static const struct { const char *in; const char *out; } valid[] = {
    { " { \"a\" : [ 1 , 2.5 , true , false , null , \"x\\n\\u00e9\" ] , \"b\" : { } }\n",
      "{\"a\":[1,2.5,true,false,null,\"x\\n\\u00e9\"],\"b\":{}}" },
    { "[\n]", "[]" },
    { "0.90200000000000002", "0.902" },
    { "-0.29599999999999999", "-0.296" },
    { "12345678901234567890", "12345678901234567890" },
    { "0.30000000000000004", "0.30000000000000004" },
    { "1e+20.0", "1e+20" },
    { "[2e+17.0,3]", "[2e+17,3]" },
    { "\"line\xe2\x80\xa8\"", "\"line\\u2028\"" },
    { "-0", "-0" },
    { "\"tab\there\x1f\"", "\"tab\\there\\u001f\"" },
    { "\"\\/\"", "\"\\/\"" },
  };
  static const char *const invalid[] = {
    "", " ", "{", "[1,]", "{\"a\":1,}", "{a:1}", "[1 2]", "tru", "nulll", "01", "1.", ".5", "1e",
    "-", "+1", "\"open", "\"\\x\"", "\"\\u12g4\"", "\"\xff\"", "[1]]", "{}{}", "NaN",
    "'single'", "[\"a\"\"b\"]", "{\"a\" 1}", "1e+20.05",
  };
  GString *deep = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new ("kept");

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_string_assign (out, "");
      g_assert_true (tamis_json_append_raw (out, valid[i].in, strlen (valid[i].in)));
      g_assert_cmpstr (out->str, ==, valid[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_string_assign (out, "kept");
      if (tamis_json_append_raw (out, invalid[i], strlen (invalid[i])))
        g_error ("'%s' taken for JSON", invalid[i]);
      g_assert_cmpstr (out->str, ==, "kept");
    }

  /* Deep nesting costs memory, not stack. */
  for (guint i = 0; i < 200000; i++)
    g_string_append (deep, i % 2 ? "{\"k\":" : "[");
  g_string_append (deep, "0");
  for (guint i = 200000; i-- > 0;)
    g_string_append (deep, i % 2 ? "}" : "]");
  g_string_assign (out, "");
  g_assert_true (tamis_json_append_raw (out, deep->str, deep->len));
  g_assert_cmpstr (out->str, ==, deep->str);
  g_string_truncate (deep, deep->len - 1);
  g_assert_false (tamis_json_append_raw (out, deep->str, deep->len));
  g_string_free (deep, TRUE);
}

static void
test_pretty (void)
{
  static const char compact[] = "{\"a\":[1,{\"b\":\"x,:{[\\\"\"}],\"c\":{},\"d\":[]}";
  g_autoptr(GString) out = g_string_new (NULL);

  tamis_json_append_pretty (out, compact, strlen (compact), 0);
  g_assert_cmpstr (out->str, ==,
                   "{\n"
                   "  \"a\": [\n"
                   "    1,\n"
                   "    {\n"
                   "      \"b\": \"x,:{[\\\"\"\n"
                   "    }\n"
                   "  ],\n"
                   "  \"c\": {},\n"
                   "  \"d\": []\n"
                   "}");
}

/* ---- random documents ---- */

/* A random valid UTF-8 string of up to @max characters, with what needs
 * escapes (no NUL: json-glib's strings end at one). */
static char *
random_text (GRand *rand, guint max)
{
  static const gunichar pool[] = {
    '"', '\\', '/', '\n', '\r', '\t', '\b', '\f', 0x01, 0x1f, 0x7f, '<', ' ', 0xe9, 0x20ac,
    0x2028, 0x2029, 0x1f642, 0x10ffff, 0xfeff, 0xfffd, 0x202f, 0x4e2d,
  };
  guint n = g_rand_int_range (rand, 0, max + 1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (g_rand_int_range (rand, 0, 3) > 0)
        g_string_append_c (s, (char) g_rand_int_range (rand, 0x20, 0x7f));
      else
        g_string_append_unichar (s, pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))]);
    }
  return g_string_free (s, FALSE);
}

/* Keys, record members among them, so that shadowing happens. */
static const char *
random_key (GRand *rand)
{
  static const char *const keys[] = {
    "lang", "score_2", "é\"key\\", "line\xe2\x80\xa8", "tab\t", "🙂", "a", "b", "c", "d", "e", "f",
    "id", "text", "meta", "layers", "repaired", "start", "end", "label", "score", "error",
  };

  return keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (keys))];
}

/* Random JSON text, blanks and newlines included, and the tree it means. */
static void
random_json (GRand *rand, GString *text, guint depth)
{
  static const char *const blanks[] = { "", " ", "\n", "\t ", "\r\n  " };
  const char *blank = blanks[g_rand_int_range (rand, 0, G_N_ELEMENTS (blanks))];
  guint kind = g_rand_int_range (rand, 0, depth < 3 ? 7 : 5);

  g_string_append (text, blank);
  switch (kind)
    {
    case 0:
      {
        g_autofree char *s = random_text (rand, 8);
        g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), s);
        g_autofree char *json = json_to_string (node, FALSE);

        g_string_append (text, json);
        break;
      }
    case 1:
      g_string_append_printf (text, "%" G_GINT64_FORMAT, (gint64) g_rand_int (rand) - G_MAXINT32);
      break;
    case 2:
      {
        double d = random_double (rand);
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        if (!isfinite (d))
          d = 0.5;
        /* noisy on purpose, as json-glib writes */
        g_ascii_formatd (buf, sizeof buf, "%.17g", d);
        g_string_append (text, buf);
        if (!strpbrk (buf, ".eE"))
          g_string_append (text, ".0");
        break;
      }
    case 3:
      g_string_append (text, g_rand_boolean (rand) ? "true" : "false");
      break;
    case 4:
      g_string_append (text, "null");
      break;
    case 5:
      {
        guint n = g_rand_int_range (rand, 0, 4);

        g_string_append_c (text, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (text, ',');
            random_json (rand, text, depth + 1);
          }
        g_string_append (text, blank);
        g_string_append_c (text, ']');
        break;
      }
    default:
      {
        guint n = g_rand_int_range (rand, 0, 4);

        g_string_append_c (text, '{');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (text, ',');
            g_string_append_printf (text, "\"k%u\"%s:", i, blank);
            random_json (rand, text, depth + 1);
          }
        g_string_append (text, blank);
        g_string_append_c (text, '}');
        break;
      }
    }
  g_string_append (text, blank);
}

static JsonNode *
parse_or_null (const char *text, gssize len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, text, len, NULL))
    return NULL;
  return json_parser_steal_root (parser);
}

static JsonNode *
value_node (const TamisValue *value)
{
  switch (value->type)
    {
    case TAMIS_VALUE_STRING:
      return json_node_init_string (json_node_alloc (), value->s);
    case TAMIS_VALUE_INT:
      return json_node_init_int (json_node_alloc (), value->i);
    case TAMIS_VALUE_DOUBLE:
      if (!isfinite (value->d))
        return json_node_init_null (json_node_alloc ());
      return json_node_init_double (json_node_alloc (), value->d);
    case TAMIS_VALUE_BOOL:
      return json_node_init_boolean (json_node_alloc (), value->b);
    case TAMIS_VALUE_JSON:
      {
        JsonNode *node = parse_or_null (value->s, -1);

        return node ? node : json_node_init_string (json_node_alloc (), value->s);
      }
    case TAMIS_VALUE_NONE:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}

static void
set_value (TamisDoc *doc, TamisLayer *layer, guint index, const char *key, GRand *rand)
{
  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
      {
        g_autofree char *s = random_text (rand, 12);

        layer ? tamis_layer_set_string (layer, index, key, s) : tamis_doc_set_string (doc, key, s);
        break;
      }
    case 1:
      {
        static const gint64 ints[] = { 0, -1, G_MAXINT64, G_MININT64, 9007199254740993, 4294967296 };
        gint64 i = g_rand_boolean (rand) ? ints[g_rand_int_range (rand, 0, G_N_ELEMENTS (ints))]
                                         : (gint64) (((guint64) g_rand_int (rand) << 32) | g_rand_int (rand));

        layer ? tamis_layer_set_int (layer, index, key, i) : tamis_doc_set_int (doc, key, i);
        break;
      }
    case 2:
      {
        double d = random_double (rand);

        layer ? tamis_layer_set_double (layer, index, key, d) : tamis_doc_set_double (doc, key, d);
        break;
      }
    case 3:
      layer ? tamis_layer_set_bool (layer, index, key, g_rand_boolean (rand))
            : tamis_doc_set_bool (doc, key, g_rand_boolean (rand));
      break;
    default:
      {
        g_autoptr(GString) json = g_string_new (NULL);

        if (g_rand_int_range (rand, 0, 8) == 0)
          g_string_append (json, g_rand_boolean (rand) ? "{oops" : "[1,");
        else
          random_json (rand, json, 0);
        layer ? tamis_layer_set_json (layer, index, key, json->str) : tamis_doc_set_json (doc, key, json->str);
        break;
      }
    }
}

static TamisDoc *
random_doc (GRand *rand, guint n)
{
  g_autofree char *id = random_text (rand, 10);
  g_autofree char *text = random_text (rand, 300);
  g_autoptr(GError) error = NULL;
  TamisDoc *doc = tamis_doc_new (id, text, -1, &error);
  gsize len = strlen (text);
  guint n_layers = g_rand_int_range (rand, 0, 4);

  g_assert_no_error (error);
  if (g_rand_int_range (rand, 0, 10) == 0)
    {
      g_autofree char *message = random_text (rand, 20);

      tamis_doc_set_error (doc, "random", message);
    }
  if (g_rand_int_range (rand, 0, 4) == 0)
    tamis_doc_add_repair (doc, g_rand_boolean (rand) ? "crlf" : "bom");
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      /* documents keep their metadata as compact JSON text, as the
       * reader copies it from the line */
      g_autofree char *s = random_text (rand, 10);
      GString *json = g_string_new ("{\"source\":");

      tamis_json_append_string (json, s, -1);
      g_string_append_printf (json, ",\"weight\":%s,\"n\":%u}",
                              g_rand_boolean (rand) ? "1e+20" : "0.1", g_rand_int (rand));
      tamis_doc_take_meta_json (doc, json->str, json->len);
      g_string_free (json, FALSE);
    }
  for (guint i = g_rand_int_range (rand, 0, 6); i > 0; i--)
    set_value (doc, NULL, 0, random_key (rand), rand);

  for (guint l = 0; l < n_layers; l++)
    {
      static const char *const labels[] = { "word", "punct", "é\"q\\", "line\xe2\x80\xa8", NULL };
      g_autofree char *name = g_strdup_printf ("layer%u%s", l, l == 2 ? "\t\xe2\x80\xa9" : "");
      TamisLayer *layer = tamis_doc_ensure_layer (doc, name);
      guint n_spans = g_rand_int_range (rand, 0, n % 50 == 0 ? 1000 : 40);

      for (guint i = 0; i < n_spans; i++)
        {
          gsize a = g_rand_int_range (rand, 0, len + 1), b = g_rand_int_range (rand, 0, len + 1);
          guint index;

          /* on character boundaries */
          while (a > 0 && ((guchar) text[a] & 0xC0) == 0x80)
            a--;
          while (b > 0 && ((guchar) text[b] & 0xC0) == 0x80)
            b--;
          index = tamis_layer_add (layer, MIN (a, b), MAX (a, b),
                                   labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))]);
          if (g_rand_boolean (rand))
            tamis_layer_set_score (layer, index, (float) g_rand_double (rand));
          for (guint k = g_rand_int_range (rand, 0, g_rand_int_range (rand, 0, 8) == 0 ? 20 : 3); k > 0; k--)
            {
              g_autofree char *key = g_rand_int_range (rand, 0, 3) == 0 ? g_strdup_printf ("attr%u", k)
                                                                        : g_strdup (random_key (rand));

              set_value (doc, layer, index, tamis_doc_intern (doc, key), rand);
            }
        }
      if (g_rand_boolean (rand))
        tamis_layer_sort (layer);
    }
  return doc;
}

static gboolean
wanted (const char *const *list, const char *name)
{
  return list == NULL || g_strv_contains (list, name);
}

/* A node holding @record, which it takes (json_node_init_object() would
 * add a reference of its own). */
static JsonNode *
record_node (JsonObject *record)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), record);

  json_object_unref (record);
  return node;
}

/* The record of @doc built as a tree, member by member. */
static JsonNode *
reference_record (TamisDoc *doc, const char *const *layers, const char *const *attributes,
                  gboolean with_text)
{
  JsonObject *record = json_object_new ();
  const char *text = tamis_doc_get_text (doc);
  const char *code = tamis_doc_get_error_code (doc);
  const char *meta_text = tamis_doc_get_meta_json (doc, NULL);
  g_autoptr(JsonNode) meta_node = meta_text ? json_from_string (meta_text, NULL) : NULL;
  JsonObject *meta = meta_node ? json_node_get_object (meta_node) : NULL;
  const char *const *repairs = tamis_doc_get_repairs (doc);
  TamisAttrIter iter;
  const char *key;
  TamisValue value;
  JsonObject *layers_obj;

  json_object_set_string_member (record, "id", tamis_doc_get_id (doc));
  if (code != NULL)
    {
      JsonObject *error = json_object_new ();

      json_object_set_string_member (error, "code", code);
      json_object_set_string_member (error, "message", tamis_doc_get_error_message (doc));
      json_object_set_object_member (record, "error", error);
      if (meta != NULL)
        json_object_set_object_member (record, "meta", json_object_ref (meta));
      return record_node (record);
    }
  tamis_doc_attr_iter_init (&iter, doc);
  while (tamis_attr_iter_next (&iter, &key, &value))
    if (wanted (attributes, key))
      json_object_set_member (record, key, value_node (&value));
  if (repairs != NULL && repairs[0] != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; repairs[i] != NULL; i++)
        json_array_add_string_element (array, repairs[i]);
      json_object_set_array_member (record, "repaired", array);
    }
  if (meta != NULL)
    json_object_set_object_member (record, "meta", json_object_ref (meta));
  if (with_text)
    json_object_set_string_member (record, "text", text);
  layers_obj = json_object_new ();
  for (guint l = 0; l < tamis_doc_get_n_layers (doc); l++)
    {
      const TamisLayer *layer = tamis_doc_get_nth_layer (doc, l);
      JsonArray *spans;

      if (!wanted (layers, tamis_layer_get_name (layer)))
        continue;
      guint n_spans;
      const TamisSpan *peek = tamis_layer_peek_spans (layer, &n_spans);

      spans = json_array_new ();
      for (guint i = 0; i < n_spans; i++)
        {
          JsonObject *span = json_object_new ();

          json_object_set_int_member (span, "start", g_utf8_pointer_to_offset (text, text + peek[i].start));
          json_object_set_int_member (span, "end", g_utf8_pointer_to_offset (text, text + peek[i].end));
          if (peek[i].label != NULL)
            json_object_set_string_member (span, "label", peek[i].label);
          if (!isnan (peek[i].score))
            json_object_set_double_member (span, "score", tamis_span_score_value (peek[i].score));
          tamis_layer_attr_iter_init (&iter, layer, i);
          while (tamis_attr_iter_next (&iter, &key, &value))
            json_object_set_member (span, key, value_node (&value));
          json_array_add_object_element (spans, span);
        }
      json_object_set_array_member (layers_obj, tamis_layer_get_name (layer), spans);
    }
  json_object_set_object_member (record, "layers", layers_obj);
  return record_node (record);
}

static void
assert_equal (JsonNode *expected, JsonNode *got, const char *path)
{
  if (JSON_NODE_TYPE (expected) == JSON_NODE_VALUE && json_node_get_value_type (expected) == G_TYPE_DOUBLE)
    {
      double e = json_node_get_double (expected), g;

      g_assert_cmpint (JSON_NODE_TYPE (got), ==, JSON_NODE_VALUE);
      g = json_node_get_value_type (got) == G_TYPE_DOUBLE ? json_node_get_double (got)
                                                          : (double) json_node_get_int (got);
      if (memcmp (&e, &g, sizeof e) != 0)
        g_error ("%s: %.17g read back as %.17g", path, e, g);
      return;
    }
  g_assert_cmpint (JSON_NODE_TYPE (got), ==, JSON_NODE_TYPE (expected));
  switch (JSON_NODE_TYPE (expected))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter e_iter, g_iter;
        const char *e_key, *g_key;
        JsonNode *e_node, *g_node;

        json_object_iter_init_ordered (&e_iter, json_node_get_object (expected));
        json_object_iter_init_ordered (&g_iter, json_node_get_object (got));
        while (json_object_iter_next_ordered (&e_iter, &e_key, &e_node))
          {
            g_autofree char *sub = g_strconcat (path, ".", e_key, NULL);

            if (!json_object_iter_next_ordered (&g_iter, &g_key, &g_node))
              g_error ("%s missing", sub);
            g_assert_cmpstr (g_key, ==, e_key);
            assert_equal (e_node, g_node, sub);
          }
        g_assert_false (json_object_iter_next_ordered (&g_iter, &g_key, &g_node));
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *e = json_node_get_array (expected), *g = json_node_get_array (got);

        g_assert_cmpuint (json_array_get_length (g), ==, json_array_get_length (e));
        for (guint i = 0; i < json_array_get_length (e); i++)
          {
            g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);

            assert_equal (json_array_get_element (e, i), json_array_get_element (g, i), sub);
          }
        break;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (expected) == G_TYPE_STRING)
        g_assert_cmpstr (json_node_get_string (got), ==, json_node_get_string (expected));
      else if (json_node_get_value_type (expected) == G_TYPE_INT64)
        {
          g_assert_cmpint (json_node_get_value_type (got), ==, G_TYPE_INT64);
          g_assert_cmpint (json_node_get_int (got), ==, json_node_get_int (expected));
        }
      else
        g_assert_cmpint (json_node_get_boolean (got), ==, json_node_get_boolean (expected));
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

static char *
write_one (TamisFormat format, TamisDoc *doc, const char *const *layers,
           const char *const *attributes, gboolean with_text)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(TamisWriter) writer = tamis_writer_new (format, stream, layers, with_text);
  g_autoptr(GError) error = NULL;

  tamis_writer_set_attributes (writer, attributes);
  tamis_writer_write (writer, doc, &error);
  g_assert_no_error (error);
  tamis_writer_finish (writer, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
}

static void
test_random_records (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  guint n_docs = g_test_slow () ? 20000 : 1000;

  for (guint n = 0; n < n_docs; n++)
    {
      g_autoptr(TamisDoc) doc = random_doc (rand, n);
      static const char *const some_layers[] = { "layer0", "layer2\t\xe2\x80\xa9", NULL };
      static const char *const some_attributes[] = { "lang", "id", "text", "🙂", "layers", NULL };
      static const char *const none[] = { NULL };
      const char *const *layers = g_rand_boolean (rand) ? NULL : some_layers;
      const char *const *attributes = g_rand_int_range (rand, 0, 3) == 0 ? NULL
                                      : g_rand_boolean (rand) ? some_attributes : none;
      gboolean with_text = g_rand_boolean (rand);
      g_autoptr(JsonNode) expected = reference_record (doc, layers, attributes, with_text);
      g_autofree char *jsonl = write_one (TAMIS_FORMAT_JSONL, doc, layers, attributes, with_text);
      g_autofree char *array = write_one (TAMIS_FORMAT_JSON, doc, layers, attributes, with_text);
      g_autofree char *direct = tamis_doc_to_json (doc, layers, with_text, n % 2);
      g_autoptr(JsonNode) got = NULL;
      g_autoptr(JsonNode) got_array = NULL;
      g_autoptr(JsonNode) got_direct = NULL;
      g_autoptr(JsonNode) expected_all = NULL;

      /* one line, and JSON */
      g_assert_true (g_str_has_suffix (jsonl, "\n"));
      g_assert_true (strchr (jsonl, '\n') == jsonl + strlen (jsonl) - 1);
      g_assert_null (strstr (jsonl, "\xe2\x80\xa8"));
      got = parse_or_null (jsonl, -1);
      if (got == NULL)
        g_error ("record %u is not JSON: %s", n, jsonl);
      assert_equal (expected, got, "record");

      got_array = parse_or_null (array, -1);
      g_assert_nonnull (got_array);
      g_assert_cmpuint (json_array_get_length (json_node_get_array (got_array)), ==, 1);
      assert_equal (expected, json_array_get_element (json_node_get_array (got_array), 0), "array");

      expected_all = reference_record (doc, layers, NULL, with_text);
      got_direct = parse_or_null (direct, -1);
      g_assert_nonnull (got_direct);
      assert_equal (expected_all, got_direct, "to_json");
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-write/strings", test_strings);
  g_test_add_func ("/json-write/doubles", test_doubles);
  g_test_add_func ("/json-write/ints", test_ints);
  g_test_add_func ("/json-write/raw", test_raw);
  g_test_add_func ("/json-write/pretty", test_pretty);
  g_test_add_func ("/json-write/random-records", test_random_records);
  return g_test_run ();
}
