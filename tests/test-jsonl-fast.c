/* The JSON Lines reader's fast path against json-c: for every line the
 * fast path takes, both must make the same document (id, text, error,
 * metadata, repairs, source). Lines written by hand for the edge cases,
 * lines made at random from pieces that are valid JSON or nearly, and the
 * lines of the jsonl fuzz corpus. A second check reads whole files both
 * ways the reader can: parsed at once from its buffer (tamis_reader_next)
 * and left pending then loaded (as worker threads do). */
#include <string.h>

#include <glib/gstdio.h>
#include <tamis/tamis.h>
#include "document-private.h"
#include "io-private.h"

static guint n_taken, n_declined;

/* Everything a record says about its document, as one string. */
static char *
describe (TamisDoc *doc)
{
  GString *out = g_string_new (NULL);
  const char *const *repairs = tamis_doc_get_repairs (doc);
  const char *meta = tamis_doc_get_meta_json (doc, NULL);
  g_autofree char *json = tamis_doc_to_json (doc, NULL, TRUE, FALSE);

  g_string_append_printf (out, "id=%s\nerror=%s\nmessage=%s\nmeta=%s\nsource=%s:%u\nsize=%"
                          G_GSIZE_FORMAT "\nlength=%" G_GSIZE_FORMAT "\nrepairs=",
                          tamis_doc_get_id (doc),
                          tamis_doc_get_error_code (doc) ? tamis_doc_get_error_code (doc) : "-",
                          tamis_doc_get_error_message (doc) ? tamis_doc_get_error_message (doc) : "-",
                          meta ? meta : "-",
                          tamis_doc_get_source_path (doc) ? tamis_doc_get_source_path (doc) : "-",
                          tamis_doc_get_source_line (doc), tamis_doc_get_input_size (doc),
                          tamis_doc_get_length (doc));
  for (guint i = 0; repairs != NULL && repairs[i] != NULL; i++)
    g_string_append_printf (out, "%s,", repairs[i]);
  /* the text byte for byte, then the record as written */
  g_string_append (out, "\ntext=");
  g_string_append_len (out, tamis_doc_get_text (doc), tamis_doc_get_length (doc));
  g_string_append_printf (out, "\nrecord=%s", json);
  return g_string_free (out, FALSE);
}

/* Compares the two parsers on @line (@len bytes, NUL bytes kept; a copy
 * is made, so that json-c finds a nul after it); returns whether the fast
 * path took it. */
static gboolean
compare_line (const char *line, gsize len, guint max_depth)
{
  g_autofree char *copy = g_malloc (len + 1);
  g_autofree char *want = NULL;
  g_autofree char *got_any = NULL;
  TamisDoc *fast, *full, *any;
  gboolean taken;

  memcpy (copy, line, len);
  copy[len] = '\0';
  fast = tamis_reader_parse_line (copy, len, "in.jsonl", "in.jsonl", 7, max_depth,
                                  TAMIS_JSONL_PARSE_FAST);
  full = tamis_reader_parse_line (copy, len, "in.jsonl", "in.jsonl", 7, max_depth,
                                  TAMIS_JSONL_PARSE_JSONC);
  any = tamis_reader_parse_line (copy, len, "in.jsonl", "in.jsonl", 7, max_depth,
                                 TAMIS_JSONL_PARSE_ANY);
  want = describe (full);
  got_any = describe (any);
  taken = fast != NULL;

  if (fast != NULL)
    {
      g_autofree char *got = describe (fast);

      if (strcmp (got, want) != 0)
        {
          g_autofree char *shown = g_strescape (copy, NULL);  /* up to a NUL */

          g_test_message ("line: %s\nfast path:\n%s\njson-c:\n%s", shown, got, want);
          g_assert_cmpstr (got, ==, want);
        }
      n_taken++;
    }
  else
    n_declined++;
  if (strcmp (got_any, want) != 0)
    {
      g_autofree char *shown = g_strescape (copy, NULL);

      g_test_message ("line: %s", shown);
      g_assert_cmpstr (got_any, ==, want);
    }
  tamis_doc_free (fast);
  tamis_doc_free (full);
  tamis_doc_free (any);
  return taken;
}

static gboolean
compare (const char *line)
{
  return compare_line (line, strlen (line), TAMIS_DEFAULT_MAX_DEPTH);
}

/* Lines the fast path must take, and give what json-c gives. */
static const char *const flat_lines[] = {
  "{\"id\":\"t1\",\"text\":\"Un mot.\"}",
  "{\"text\":\"no id\"}",
  "{\"text\":\"x\",\"id\":\"after\"}",
  " \t{ \"id\" : \"a\" , \"text\" : \"b\" } \t",
  "{\"id\":\"a\",\"text\":\"b\",\"lang\":\"fr\",\"n\":3,\"ok\":true,\"no\":false,\"z\":null}",
  "{\"id\":\"a\", \"text\":\"b\", \"score\": -0.5e+10, \"big\": 123456789012345678901234567890}",
  "{\"id\":\"a\",\"text\":\"b\",\"huge\":1e400,\"tiny\":-1E-400,\"zero\":-0,\"f\":0.0}",
  "{\"id\":\"é\\u00e9\",\"text\":\"caf\\u00e9 \\\"quoted\\\" back\\\\slash \\/ \\b\\f\\n\\t\"}",
  "{\"id\":\"a\",\"text\":\"emoji \\ud83d\\ude00 and raw 😀\"}",
  "{\"id\":\"a\",\"text\":\"\\uD83D\\uDE00 upper-case hex\"}",
  "{\"id\":\"a\",\"text\":\"line\\r\\nbreaks\\rand\\n\"}",
  "{\"id\":\"a\",\"text\":\"\\ufeffbom inside\"}",
  "{\"id\":\"a\",\"text\":\"\xef\xbb\xbf" "raw bom inside\"}",
  "{\"id\":\"a\",\"text\":\"\"}",
  "{\"id\":\"a\",\"text\":\"   \"}",
  "{\"id\":\"a\",\"text\":\"\\u2028\\u3000\"}",
  "{\"id\":\"\",\"text\":\"empty id\"}",
  "{\"id\":\"a\",\"text\":\"b\",\"\":\"empty key\"}",
  "{\"id\":\"a\",\"text\":\"b\",\"m\":\"\\u0041\\n\\\"esc\\\" kept as written\"}",
  "{\"id\":\"a\",\"text\":\"\\u00ff\\u0800\\uffff\\u0001\\u001f\"}",
  "{\"id\":\"a\",\"text\":\"b\",\"meta\":{\"x\":1}}",
  "{\"id\":\"a\",\"text\":\"b\",\"tags\":[1,2]}",
  "{\"id\":\"a\",\"tags\":[ \"x\" , \"\\u00e9\\n\" ,\t[] ],\"text\":\"b\",\"o\":{ \"k\" : [ {}, { \"z\":null } ] }}",
  "{\"id\":\"a\",\"text\":\"b\",\"m\":{\"\\u0069d\":\"escaped key inside\",\"k\":1,\"k\":2}}",
  "{\"id\":\"a\",\"text\":\"b\",\"deep\":[[[[[[[[[[1]]]]]]]]]]}",
};

/* Lines the fast path leaves to json-c (and whose documents json-c makes). */
static const char *const other_lines[] = {
  "{\"id\":\"a\",\"text\":\"b\",\"m\":[1,]}",
  "{\"id\":\"a\",\"text\":\"b\",\"m\":{\"x\":1,}}",
  "{\"id\":\"a\",\"text\":\"b\",\"m\":[1 2]}",
  "{\"id\":\"a\",\"text\":\"b\",\"m\":{\"x\" 1}}",
  "{\"id\":\"a\",\"text\":\"b\",\"m\":{x:1}}",
  "{\"id\":\"a\",\"text\":\"b\",\"m\":[1}",
  "{\"id\":\"a\",\"text\":\"b\",\"m\":{\"x\":1]}",
  "{\"id\":\"a\",\"text\":\"b\",\"m\":[[1]}",
  "{\"id\":\"a\",\"text\":\"b\",\"m\":[\"\\ud800\"]}",
  "{\"id\":\"a\",\"text\":\"b\",\"m\":[\"raw\ttab\"]}",
  "{\"id\":\"a\",\"text\":\"b\",\"m\":[\n1]}",
  "{\"id\":{\"x\":1},\"text\":\"object id\"}",
  "{\"id\":\"a\",\"text\":[\"array text\"]}",
  "{\"id\":\"a\",\"text\":\"b\",\"text\":\"twice\"}",
  "{\"id\":\"a\",\"id\":\"b\",\"text\":\"c\"}",
  "{\"id\":\"a\",\"text\":\"b\",\"k\":1,\"k\":2}",
  "{\"\\u0069d\":\"escaped key\",\"text\":\"b\"}",
  "{\"id\":\"a\",\"t\\u0065xt\":\"escaped key\"}",
  "{\"id\":42,\"text\":\"number id\"}",
  "{\"id\":-7,\"text\":\"number id\"}",
  "{\"id\":1.5,\"text\":\"float id\"}",
  "{\"id\":null,\"text\":\"null id\"}",
  "{\"id\":true,\"text\":\"b\"}",
  "{\"id\":\"a\"}",
  "{\"id\":\"a\",\"text\":5}",
  "{\"id\":\"a\",\"text\":null}",
  "{\"id\":\"a\",\"text\":\"lone \\ud800 high\"}",
  "{\"id\":\"a\",\"text\":\"lone \\udc00 low\"}",
  "{\"id\":\"a\",\"text\":\"\\ud800\\u0041 high then not low\"}",
  "{\"id\":\"a\",\"text\":\"\\ud83d\"}",
  "{\"id\":\"a\",\"text\":\"nul \\u0000 inside\"}",
  "{\"id\":\"nul \\u0000 id\",\"text\":\"b\"}",
  "{\"id\":\"a\",\"text\":\"raw\ttab\"}",
  "{\"id\":\"a\",\"text\":\"raw\x01" "control\"}",
  "{\"id\":\"a\",\"text\":\"bad \\x escape\"}",
  "{\"id\":\"a\",\"text\":\"short \\u12\"}",
  "{\"id\":\"a\",\"text\":\"b\",\"n\":01}",
  "{\"id\":\"a\",\"text\":\"b\",\"n\":1.}",
  "{\"id\":\"a\",\"text\":\"b\",\"n\":.5}",
  "{\"id\":\"a\",\"text\":\"b\",\"n\":+1}",
  "{\"id\":\"a\",\"text\":\"b\",\"n\":1e}",
  "{\"id\":\"a\",\"text\":\"b\",\"n\":NaN}",
  "{\"id\":\"a\",\"text\":\"b\",\"n\":Infinity}",
  "{\"id\":\"a\",\"text\":\"b\",\"n\":-Infinity}",
  "{\"id\":\"a\",\"text\":\"b\",\"n\":nul}",
  "{\"id\":\"a\",\"text\":\"b\",\"n\":True}",
  "{\"id\":\"a\",\"text\":\"b\",}",
  "{\"id\":\"a\",,\"text\":\"b\"}",
  "{\"id\":\"a\" \"text\":\"b\"}",
  "{\"id\":\"a\",\"text\":\"b\"",
  "{\"id\":\"a\",\"text\":\"b",
  "{\"id\":\"a\",\"text\":\"b\"}}",
  "{\"id\":\"a\",\"text\":\"b\"} x",
  "{\"id\":\"a\",\"text\":\"b\"}{}",
  "{\"id\":\"a\",\"text\":\"b\"}\f",
  "{\"id\":\"a\",\"text\":\"b\"}\v",
  "\f{\"id\":\"a\",\"text\":\"b\"}",
  "{\"id\":\"a\",\r\"text\":\"b\"}",
  "{\"id\":\"a\",\n\"text\":\"b\"}",
  "{'id':'a','text':'b'}",
  "{id:\"a\",text:\"b\"}",
  "{}",
  "{ }",
  "[]",
  "[{\"text\":\"b\"}]",
  "\"text\"",
  "42",
  "null",
  "x",
  "{\"id\":\"a\",\"text\":\"b\"} \xc3\x28",
  "{\"id\":\"a\",\"text\":\"\xc3\x28 bad UTF-8\"}",
  "{\"id\":\"a\",\"text\":\"\xed\xa0\x80 raw surrogate\"}",
  "{\"id\":\"a\",\"text\":\"\xef\xbf\xbe noncharacter\"}",
  "\xef\xbb\xbf{\"id\":\"a\",\"text\":\"bom on a later line\"}",
  "\xff\xfe{\"text\":\"utf-16 bom\"}",
};

static void
test_hand_written (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (flat_lines); i++)
    if (!compare (flat_lines[i]))
      g_error ("the fast path declined %s", flat_lines[i]);
  for (guint i = 0; i < G_N_ELEMENTS (other_lines); i++)
    compare (other_lines[i]);
}

/* Lines with raw NUL bytes: the reader hands the line over with its
 * length, so they are not cut at the NUL. */
static void
test_nul_bytes (void)
{
  static const char with_nul[] = "{\"id\":\"a\",\"text\":\"b\0c\"}";
  static const char after[] = "{\"id\":\"a\",\"text\":\"b\"}\0";
  static const char bad_after[] = "{\"text\":\"b\0\xff\"}";

  compare_line (with_nul, sizeof with_nul - 1, TAMIS_DEFAULT_MAX_DEPTH);
  compare_line (after, sizeof after - 1, TAMIS_DEFAULT_MAX_DEPTH);
  compare_line (bad_after, sizeof bad_after - 1, TAMIS_DEFAULT_MAX_DEPTH);
}

/* json-c refuses an object's members below two levels, and nested
 * metadata beyond the limit: the fast path must leave those to it. */
static void
test_depth (void)
{
  static const char *const nested[] = {
    "{\"text\":\"b\",\"m\":[]}",
    "{\"text\":\"b\",\"m\":{}}",
    "{\"text\":\"b\",\"m\":[1]}",
    "{\"text\":\"b\",\"m\":{\"k\":[1,[2]]}}",
    "{\"text\":\"b\",\"m\":[[[[]]]]}",
    "{\"text\":\"b\",\"m\":[[[[1]]]],\"n\":[{}]}",
  };
  GString *deep = g_string_new ("{\"text\":\"b\",\"m\":");

  for (guint i = 0; i < 70; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 70; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');

  for (guint depth = 1; depth <= 8; depth++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (flat_lines); i++)
        {
          gboolean taken = compare_line (flat_lines[i], strlen (flat_lines[i]), depth);

          if (depth == 1)
            g_assert_false (taken);
        }
      for (guint i = 0; i < G_N_ELEMENTS (nested); i++)
        compare_line (nested[i], strlen (nested[i]), depth);
    }
  for (guint depth = 60; depth <= 75; depth++)
    compare_line (deep->str, deep->len, depth);
  compare_line (deep->str, deep->len, TAMIS_MAX_DEPTH_LIMIT);
  g_string_free (deep, TRUE);
}

/* ---- random lines ---- */

static const char *const keys[] = {
  "id", "text", "lang", "n", "é", "", "a b", "ID", "texts", "meta",
};

static const char *const string_pieces[] = {
  "a", "Le mot", " ", "é", "日本", "😀", "\\n", "\\r", "\\r\\n", "\\t", "\\\"", "\\\\", "\\/",
  "\\b", "\\f", "\\u00e9", "\\u0041", "\\ufeff", "\\u2028", "\\ud83d\\ude00", "\\uD83D\\uDE00",
  "\\ud800", "\\udfff", "\\ud800\\ud800", "\\u0000", "\\u001f", "\\x", "\\u12G4", "\t", "\x01",
  "\r", "\x7f", "\xef\xbb\xbf", "\xc3\x28", "\xed\xa0\x80", "'", "{", "}", "[", ",", ":",
};

/* numbers and literals: the valid ones first */
static const char *const other_values[] = {
  "0", "-0", "1", "-12", "3.25", "1e5", "1E+5", "-2.5e-3", "1e400", "-1e400",
  "123456789012345678901234567890", "-99999999999999999999", "18446744073709551615",
  "9223372036854775807", "9223372036854775808", "true", "false", "null",
  "{}", "[]", "{\"x\":1}", "[1,\"a\",null]", "{\"a\":{\"b\":[]}}", "[ {\"k\" :\t\"\\u00e9\" } ]",
#define N_VALID_VALUES 24
  "01", "1.", ".5", "+1", "1e", "-", "0x10", "nul", "True", "NaN", "Infinity", "-Infinity",
  "[1,]", "{\"x\":}", "[\"\\ud800\"]", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
};

static const char *const blanks[] = { "", "", "", " ", "  ", "\t", "\f", "\v", "\r", "\n" };

static void
random_string (GString *out, GRand *rand)
{
  guint n = g_rand_int_range (rand, 0, 6);

  g_string_append_c (out, '"');
  for (guint i = 0; i < n; i++)
    {
      /* mostly plain pieces, now and then an odd one */
      guint k = g_rand_int_range (rand, 0, 100) < 90 ? g_rand_int_range (rand, 0, 5)
                                                     : g_rand_int_range (rand, 0, G_N_ELEMENTS (string_pieces));

      g_string_append (out, string_pieces[k]);
    }
  g_string_append_c (out, '"');
}

static void
random_blank (GString *out, GRand *rand)
{
  guint k = g_rand_int_range (rand, 0, 100) < 97 ? g_rand_int_range (rand, 0, 5)
                                                 : g_rand_int_range (rand, 0, G_N_ELEMENTS (blanks));

  g_string_append (out, blanks[k]);
}

static void
random_line (GString *out, GRand *rand)
{
  /* mostly two members or more: fewer have no text */
  guint n = g_rand_int_range (rand, 0, 100) < 10 ? g_rand_int_range (rand, 0, 2)
                                                 : g_rand_int_range (rand, 2, 7);

  g_string_truncate (out, 0);
  random_blank (out, rand);
  g_string_append_c (out, '{');
  for (guint i = 0; i < n; i++)
    {
      guint k = g_rand_int_range (rand, 0, 100);
      gboolean usual = i < 2 && k < 85;
      gint32 string_odds = usual ? 90 : 60;

      if (i > 0)
        g_string_append_c (out, ',');
      random_blank (out, rand);
      /* mostly id and text first, as records are, then other keys */
      if (usual)
        g_string_append_printf (out, "\"%s\"", i == 0 ? "id" : "text");
      else if (k < 90)
        g_string_append_printf (out, "\"%s\"", keys[g_rand_int_range (rand, 2, (gint32) G_N_ELEMENTS (keys))]);
      else if (k < 97)
        g_string_append_printf (out, "\"%s\"", keys[g_rand_int_range (rand, 0, 2)]);
      else
        random_string (out, rand);
      random_blank (out, rand);
      g_string_append_c (out, ':');
      random_blank (out, rand);
      if (g_rand_int_range (rand, 0, 100) < string_odds)
        random_string (out, rand);
      else if (g_rand_int_range (rand, 0, 100) < 85)
        g_string_append (out, other_values[g_rand_int_range (rand, 0, N_VALID_VALUES)]);
      else
        g_string_append (out, other_values[g_rand_int_range (rand, 0, G_N_ELEMENTS (other_values))]);
      random_blank (out, rand);
    }
  g_string_append_c (out, '}');
  random_blank (out, rand);

  /* now and then a byte changed, dropped or added */
  if (out->len > 0 && g_rand_int_range (rand, 0, 100) < 10)
    {
      guint at = g_rand_int_range (rand, 0, out->len);
      static const char bytes[] = "\"\\{}[],: x0\t\xff";

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          out->str[at] = bytes[g_rand_int_range (rand, 0, sizeof bytes - 1)];
          break;
        case 1:
          g_string_erase (out, at, 1);
          break;
        default:
          g_string_insert_c (out, at, bytes[g_rand_int_range (rand, 0, sizeof bytes - 1)]);
          break;
        }
    }
}

static void
test_random (void)
{
  const char *env = g_getenv ("TAMIS_JSONL_FAST_LINES");
  guint n = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 20000;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  g_autoptr(GString) line = g_string_new (NULL);
  guint taken_before = n_taken;

  for (guint i = 0; i < n; i++)
    {
      random_line (line, rand);
      /* a line as the reader hands it over: no line end inside */
      if (memchr (line->str, '\n', line->len) != NULL)
        continue;
      compare_line (line->str, line->len, TAMIS_DEFAULT_MAX_DEPTH);
    }
  /* the generator must reach the fast path, not only json-c */
  g_assert_cmpuint (n_taken - taken_before, >, n / 5);
  g_test_message ("%u lines: %u taken by the fast path in all, %u left to json-c", n, n_taken,
                  n_declined);
}

/* ---- the fuzz corpus ---- */

static void
test_fuzz_corpus (void)
{
  const char *srcdir = g_getenv ("TAMIS_SRCDIR");
  g_autofree char *dir = g_build_filename (srcdir ? srcdir : ".", "tests", "fuzz", "corpus", "jsonl", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n_lines = 0;

  if (listing == NULL)
    {
      g_test_skip ("no fuzz corpus");
      return;
    }
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      gsize size, start = 0;

      g_assert_true (g_file_get_contents (path, &data, &size, NULL));
      while (start < size)
        {
          const char *nl = memchr (data + start, '\n', size - start);
          gsize end = nl ? (gsize) (nl - data) : size, len = end - start;
          const char *p = data + start;

          if (start == 0 && len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
            {
              p += 3;
              len -= 3;
            }
          if (len > 0 && p[len - 1] == '\r')
            len--;
          compare_line (p, len, TAMIS_DEFAULT_MAX_DEPTH);
          n_lines++;
          start = end + 1;
        }
    }
  g_test_message ("%u corpus lines", n_lines);
}

/* ---- whole files, both ways the reader can ---- */

static GPtrArray *
read_docs (const char *path, gboolean pending)
{
  const char *inputs[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  TamisReader *reader = tamis_reader_new (inputs, TAMIS_INPUT_JSONL, 0, &error);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  TamisDoc *doc;

  g_assert_no_error (error);
  for (;;)
    {
      doc = pending ? tamis_reader_next_pending (reader, &error) : tamis_reader_next (reader, &error);
      g_assert_no_error (error);
      if (doc == NULL)
        break;
      tamis_doc_load (doc);
      g_ptr_array_add (out, describe (doc));
      tamis_doc_free (doc);
    }
  tamis_reader_free (reader);
  return out;
}

static void
test_files (void)
{
  static const char data[] =
    "\xef\xbb\xbf{\"id\":\"first\",\"text\":\"after a BOM\"}\r\n"
    "{\"id\":\"b\",\"text\":\"CRLF\"}\r\n"
    "\n"
    "   \t\n"
    "{\"text\":\"no id\",\"lang\":\"fr\"}\n"
    "{\"id\":\"nul\",\"text\":\"x\0y\"}\n"
    "{\"id\":\"nul then bad\",\"text\":\"x\0\xff\"}\n"
    "{\"id\":\"bad\",\"text\":\"\xff\"}\n"
    "{\"id\":\"nested\",\"text\":\"t\",\"m\":{\"a\":[1]}}\n"
    "not json\n"
    "{\"id\":\"last\",\"text\":\"no line end\"}";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tamis-jsonl-fast-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GPtrArray) later = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "in.jsonl", NULL);
  g_file_set_contents (path, data, sizeof data - 1, &error);
  g_assert_no_error (error);
  now = read_docs (path, FALSE);
  later = read_docs (path, TRUE);
  g_assert_cmpuint (now->len, ==, 9);
  g_assert_cmpuint (now->len, ==, later->len);
  for (guint i = 0; i < now->len; i++)
    g_assert_cmpstr (now->pdata[i], ==, later->pdata[i]);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jsonl-fast/hand-written", test_hand_written);
  g_test_add_func ("/jsonl-fast/nul-bytes", test_nul_bytes);
  g_test_add_func ("/jsonl-fast/depth", test_depth);
  g_test_add_func ("/jsonl-fast/random", test_random);
  g_test_add_func ("/jsonl-fast/fuzz-corpus", test_fuzz_corpus);
  g_test_add_func ("/jsonl-fast/files", test_files);
  return g_test_run ();
}
