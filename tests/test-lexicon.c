/* Tests of lexicons: loading, folding, matching, sharing, annotation. */
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <tamis/tamis.h>

static const char companies[] =
  "#term\tlabel\tweight\tticker\tcountry\n"
  "# AI and chips\n"
  "Meta\tORG\t2\tMETA\tUS\n"
  "Meta Platforms\tORG\t\tMETA\tUS\n"
  "Nvidia\tORG\t1.5\tNVDA\tUS\n"
  "OpenAI\tORG\n"
  "DeepSeek\tORG\t0.5\t\tCN\n"
  "\n"
  "Banque centrale\tINST\n"
  "Banque centrale européenne\tINST\t3\t\tEU\n"
  "Union européenne\tGPE\n"
  "Orange\tORG\t1\tORA\tFR\n"
  "Orange\tGPE\t0.2\t\tUS\n"
  "L’Oréal\tORG\n"
  "Mark Zuckerberg\tPERSON\n"
  "centre de données\tTERM\n";

typedef struct {
  guint entry;
  guint32 start, end;
} Match;

static gboolean
collect (const TamisLexicon *lex, guint entry, guint32 start, guint32 end, gpointer data)
{
  Match m = { entry, start, end };

  g_array_append_val ((GArray *) data, m);
  return TRUE;
}

static GArray *
match_all (const TamisLexicon *lex, const char *text, const char *lang)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (Match));

  tamis_lexicon_match (lex, text, strlen (text), lang, collect, matches);
  return matches;
}

/* The matches as "text=LABEL" joined by "|", easy to compare whole. */
static char *
describe (const TamisLexicon *lex, const char *text, const char *lang)
{
  g_autoptr (GArray) matches = match_all (lex, text, lang);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      const Match *m = &g_array_index (matches, Match, i);
      const char *label = tamis_lexicon_get_label (lex, m->entry);
      g_string_append_printf (out, "%s%.*s=%s", i ? "|" : "", (int) (m->end - m->start),
                              text + m->start, label ? label : "-");
    }
  return g_string_free (out, FALSE);
}

static TamisLexicon *
companies_lexicon (TamisLexiconFlags flags)
{
  g_autoptr (GError) error = NULL;
  TamisLexicon *lex = tamis_lexicon_new_from_data ("companies.tsv", companies, -1, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (lex);
  return lex;
}

static char *tmp_dir;

static char *
write_temp (const char *name, const char *contents, gssize length)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_entries (void)
{
  g_autoptr (TamisLexicon) lex = companies_lexicon (TAMIS_LEXICON_FOLD_ALL);

  g_assert_cmpuint (tamis_lexicon_get_n_entries (lex), ==, 13);
  g_assert_cmpstr (tamis_lexicon_get_path (lex), ==, "companies.tsv");
  g_assert_cmpint (tamis_lexicon_get_flags (lex), ==, TAMIS_LEXICON_FOLD_ALL);
  g_assert_cmpuint (tamis_lexicon_get_n_field_names (lex), ==, 2);
  g_assert_cmpstr (tamis_lexicon_get_field_name (lex, 0), ==, "ticker");
  g_assert_cmpstr (tamis_lexicon_get_field_name (lex, 1), ==, "country");

  g_assert_cmpstr (tamis_lexicon_get_term (lex, 0), ==, "Meta");
  g_assert_cmpstr (tamis_lexicon_get_label (lex, 0), ==, "ORG");
  g_assert_true (tamis_lexicon_get_label (lex, 0) == g_intern_string ("ORG"));
  g_assert_cmpfloat (tamis_lexicon_get_weight (lex, 0), ==, 2.0);
  g_assert_cmpuint (tamis_lexicon_get_line (lex, 0), ==, 3);
  g_assert_cmpuint (tamis_lexicon_get_n_fields (lex, 0), ==, 2);
  g_assert_cmpstr (tamis_lexicon_get_field (lex, 0, 0), ==, "META");
  g_assert_cmpstr (tamis_lexicon_get_field_by_name (lex, 0, "country"), ==, "US");
  g_assert_null (tamis_lexicon_get_field_by_name (lex, 0, "isin"));
  g_assert_null (tamis_lexicon_get_field (lex, 0, 2));

  /* an empty weight is 1; an empty field is absent */
  g_assert_cmpfloat (tamis_lexicon_get_weight (lex, 1), ==, 1.0);
  g_assert_cmpstr (tamis_lexicon_get_term (lex, 3), ==, "OpenAI");
  g_assert_cmpfloat (tamis_lexicon_get_weight (lex, 3), ==, 1.0);
  g_assert_cmpuint (tamis_lexicon_get_n_fields (lex, 3), ==, 0);
  g_assert_null (tamis_lexicon_get_field_by_name (lex, 3, "ticker"));
  g_assert_null (tamis_lexicon_get_field_by_name (lex, 4, "ticker"));
  g_assert_cmpstr (tamis_lexicon_get_field_by_name (lex, 4, "country"), ==, "CN");
  g_assert_cmpuint (tamis_lexicon_get_line (lex, 5), ==, 9);
  g_assert_cmpstr (tamis_lexicon_get_term (lex, 6), ==, "Banque centrale européenne");
}

static void
test_load_file (void)
{
  g_autoptr (GError) error = NULL;
  /* a byte order mark, CR-LF ends, no header, a label-less term */
  static const char data[] = "\xef\xbb\xbfNvidia\tORG\t1e1\r\n  \r\nDeepSeek\r\n";
  g_autofree char *path = write_temp ("tamis-lexicon-crlf.tsv", data, sizeof data - 1);
  g_autoptr (TamisLexicon) lex = tamis_lexicon_load (path, TAMIS_LEXICON_FOLD_ALL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (tamis_lexicon_get_n_entries (lex), ==, 2);
  g_assert_cmpstr (tamis_lexicon_get_term (lex, 0), ==, "Nvidia");
  g_assert_cmpfloat (tamis_lexicon_get_weight (lex, 0), ==, 10.0);
  g_assert_cmpstr (tamis_lexicon_get_term (lex, 1), ==, "DeepSeek");
  g_assert_null (tamis_lexicon_get_label (lex, 1));
  g_assert_cmpuint (tamis_lexicon_get_line (lex, 1), ==, 3);
  g_assert_cmpuint (tamis_lexicon_get_n_field_names (lex), ==, 0);
  g_unlink (path);
}

static void
test_load_errors (void)
{
  static const struct {
    const char *data;
    const char *message; /* after "path:" */
    gsize length;        /* of data when it holds a NUL */
  } cases[] = {
    { "Meta\tORG\t1\nNvidia\tORG\tbeaucoup\n", "2: bad weight 'beaucoup': a number is expected" },
    { "Meta\tORG\t1,5\n", "1: bad weight '1,5'" },
    { "Meta\tORG\tinf\n", "1: bad weight 'inf'" },
    { "Meta\tORG\n\tORG\n", "2: empty term" },
    { "# comment\n\n  \tGPE\t2\n", "3: empty term" },
    { "Meta\nSoci\xe9t\xe9 G\xe9n\xe9rale\tORG\n", "2: invalid UTF-8" },
    { "Meta\nNv\0idia\n", "2: invalid UTF-8", 12 },
    { "#term\tlabel\tweight\tticker\nMeta\tORG\t1\tMETA\tUS\n", "2: 2 extra fields, but the header names 1" },
    { "#term\tlabel\tweight\tticker\tweight\n", "1: field name 'weight' is reserved" },
    { "#term\tlabel\tweight\tticker\tticker\n", "1: field name 'ticker' appears twice in the header" },
    { "#term\tlabel\tweight\t\n", "1: empty name for extra field 1 in the header" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("tamis-lexicon-bad-%u.tsv", i);
      gsize len = strlen (cases[i].data);
      g_autofree char *path = NULL;
      g_autofree char *expected = NULL;
      TamisLexicon *lex;

      if (cases[i].length)
        len = cases[i].length;
      path = write_temp (name, cases[i].data, len);
      lex = tamis_lexicon_load (path, TAMIS_LEXICON_FOLD_ALL, &error);
      g_assert_null (lex);
      g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA);
      expected = g_strdup_printf ("%s:%s", name, cases[i].message);
      if (strstr (error->message, expected) == NULL)
        g_error ("case %u: '%s' lacks '%s'", i, error->message, expected);
      g_unlink (path);
    }
}

static void
test_load_missing (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisLexicon) lex = tamis_lexicon_load ("/nonexistent/lexicon.tsv",
                                                     TAMIS_LEXICON_FOLD_ALL, &error);

  g_assert_null (lex);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/lexicon.tsv: "));
}

static void
test_long_term (void)
{
  g_autoptr (GError) error = NULL;
  GString *data = g_string_new ("Meta\n");
  TamisLexicon *lex;

  for (guint i = 0; i < 300; i++)
    g_string_append (data, "mot ");
  g_string_append_c (data, '\n');
  lex = tamis_lexicon_new_from_data ("long.tsv", data->str, data->len, TAMIS_LEXICON_FOLD_ALL, &error);
  g_assert_null (lex);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA);
  g_assert_cmpstr (error->message, ==, "long.tsv:2: the term has more than 255 words");
  g_clear_error (&error);

  g_string_assign (data, "Meta\n");
  for (guint i = 0; i < 300; i++)
    g_string_append_c (data, 'a');
  lex = tamis_lexicon_new_from_data ("long.tsv", data->str, data->len, TAMIS_LEXICON_FOLD_ALL, &error);
  g_assert_null (lex);
  g_assert_cmpstr (error->message, ==, "long.tsv:2: a word of the term is longer than 255 bytes");
  g_string_free (data, TRUE);
}

static void
test_folding (void)
{
  g_autoptr (TamisLexicon) all = companies_lexicon (TAMIS_LEXICON_FOLD_ALL);
  g_autoptr (TamisLexicon) exact = companies_lexicon (TAMIS_LEXICON_EXACT);
  g_autoptr (TamisLexicon) cased = companies_lexicon (TAMIS_LEXICON_FOLD_CASE);
  g_autoptr (TamisLexicon) accents = companies_lexicon (TAMIS_LEXICON_FOLD_ACCENTS);
  g_autoptr (TamisLexicon) cedilla = NULL;
  const char *text = "La banque centrale europeenne a abaissé ses taux ; la BANQUE CENTRALE "
                     "EUROPÉENNE l’avait annoncé, comme la Banque centrale européenne.";
  g_autofree char *s_all = describe (all, text, "fr");
  g_autofree char *s_exact = describe (exact, text, "fr");
  g_autofree char *s_cased = describe (cased, text, "fr");
  g_autofree char *s_accents = describe (accents, text, "fr");
  g_autofree char *s_cedilla = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (s_all, ==,
                   "banque centrale europeenne=INST|BANQUE CENTRALE EUROPÉENNE=INST"
                   "|Banque centrale européenne=INST");
  g_assert_cmpstr (s_exact, ==, "Banque centrale européenne=INST");
  /* case folded only: the accentless one is another word */
  g_assert_cmpstr (s_cased, ==,
                   "banque centrale=INST|BANQUE CENTRALE EUROPÉENNE=INST|Banque centrale européenne=INST");
  g_assert_cmpstr (s_accents, ==, "Banque centrale européenne=INST");

  /* Ç → c, decomposed accents in the text, ß → ss, and non-breaking spaces */
  cedilla = tamis_lexicon_new_from_data ("c.tsv", "Ça\tX\ncentre de données\tTERM\nStraße\tY\n", -1,
                                         TAMIS_LEXICON_FOLD_ALL, &error);
  g_assert_no_error (error);
  s_cedilla = describe (cedilla, "CA va : un centre de donne\xcc\x81" "es\xc2\xa0; "
                        "Centre\xc2\xa0" "de\xe2\x80\xaf" "donnees, STRASSE", NULL);
  g_assert_cmpstr (s_cedilla, ==, "CA=X|centre de donne\xcc\x81" "es=TERM|Centre\xc2\xa0" "de\xe2\x80\xaf"
                   "donnees=TERM|STRASSE=Y");
}

static void
test_elisions (void)
{
  g_autoptr (TamisLexicon) lex = companies_lexicon (TAMIS_LEXICON_FOLD_ALL);
  const char *text = "Le tour de table d’OpenAI dépasse le budget de l’Union européenne, "
                     "selon L'Oréal et jusqu’à l'Union europeenne.";
  g_autoptr (GArray) matches = match_all (lex, text, "fr");
  g_autofree char *s_fr = describe (lex, text, "fr");
  g_autofree char *s_en = describe (lex, text, "en");
  g_autofree char *s_de = describe (lex, text, "de");
  g_autofree char *s_any = describe (lex, text, NULL);
  g_autofree char *s_region = describe (lex, text, "fr-CA");
  const char *openai = strstr (text, "OpenAI");
  const Match *m;

  g_assert_cmpstr (s_fr, ==, "OpenAI=ORG|Union européenne=GPE|L'Oréal=ORG|Union europeenne=GPE");
  g_assert_cmpstr (s_any, ==, s_fr);
  g_assert_cmpstr (s_region, ==, s_fr);
  /* no elisions in English or German: only the whole word L'Oréal */
  g_assert_cmpstr (s_en, ==, "L'Oréal=ORG");
  g_assert_cmpstr (s_de, ==, "L'Oréal=ORG");

  m = &g_array_index (matches, Match, 0);
  g_assert_cmpuint (m->start, ==, openai - text);
  g_assert_cmpuint (m->end, ==, openai - text + 6);
  m = &g_array_index (matches, Match, 1);
  g_assert_cmpuint (m->start, ==, strstr (text, "Union") - text);
  g_assert_cmpuint (m->end, ==, strstr (text, ",") - text);
}

static void
test_possessive (void)
{
  g_autoptr (TamisLexicon) lex = companies_lexicon (TAMIS_LEXICON_FOLD_ALL);
  const char *text = "Nvidia’s market value fell by nearly $600bn after DeepSeek's R1 model "
                     "rattled investors; Meta Platforms’ shares rose and Mark Zuckerberg’s "
                     "plan stands.";
  g_autofree char *s_en = describe (lex, text, "en");
  g_autofree char *s_fr = describe (lex, text, "fr");
  g_autoptr (GArray) matches = match_all (lex, text, "en");

  g_assert_cmpstr (s_en, ==, "Nvidia=ORG|DeepSeek=ORG|Meta Platforms=ORG|Mark Zuckerberg=PERSON");
  g_assert_cmpstr (s_fr, ==, "Meta Platforms=ORG");
  g_assert_cmpuint (g_array_index (matches, Match, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (matches, Match, 0).end, ==, 6);
}

static void
test_longest_first (void)
{
  g_autoptr (TamisLexicon) lex = companies_lexicon (TAMIS_LEXICON_FOLD_ALL);
  const char *text = "La Banque centrale européenne et la Banque centrale du Japon divergent. "
                     "Meta Platforms Meta Orange";
  g_autofree char *s = describe (lex, text, "fr");
  g_autoptr (TamisLexicon) overlap = NULL;
  g_autofree char *s_overlap = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (s, ==, "Banque centrale européenne=INST|Banque centrale=INST|Meta Platforms=ORG"
                   "|Meta=ORG|Orange=ORG|Orange=GPE");

  /* overlapping terms: the leftmost wins, then its longest; no overlap */
  overlap = tamis_lexicon_new_from_data ("o.tsv",
                                         "Meta Platforms\tA\nPlatforms Inc\tB\nInc\tC\n"
                                         "centrale européenne des données\tD\ndonnées\tE\n",
                                         -1, TAMIS_LEXICON_FOLD_ALL, &error);
  g_assert_no_error (error);
  s_overlap = describe (overlap, "Meta Platforms Inc. et la centrale européenne des "
                        "banques publie des données", "fr");
  g_assert_cmpstr (s_overlap, ==, "Meta Platforms=A|Inc=C|données=E");
}

static void
test_boundaries (void)
{
  g_autoptr (TamisLexicon) lex = companies_lexicon (TAMIS_LEXICON_FOLD_ALL);
  const char *text = "Metadata, Meta-owned, Métaverse, MetaAI, (Meta). #Meta «Meta» "
                     "Meta\nPlatforms, Meta, Platforms, Banque centrale-européenne";
  g_autofree char *s = describe (lex, text, "en");

  /* centrale-européenne is one word */
  g_assert_cmpstr (s, ==, "Meta=ORG|Meta=ORG|Meta=ORG|Meta\nPlatforms=ORG|Meta=ORG");
  g_free (g_steal_pointer (&s));
  s = describe (lex, "", "en");
  g_assert_cmpstr (s, ==, "");
  g_free (g_steal_pointer (&s));
  s = describe (lex, " ,;«» \n", "en");
  g_assert_cmpstr (s, ==, "");
}

/* Terms of many words (the matcher's lookahead then lives on the heap),
 * words longer than any term's, and Italian elisions. */
static void
test_long_matches (void)
{
  g_autoptr (GError) error = NULL;
  const char *title = "Rapport annuel de la Banque centrale européenne sur la politique "
                      "monétaire et la stabilité financière de la zone euro en 2025";
  g_autofree char *data = g_strdup_printf ("%s\tDOC\nBanque centrale européenne\tINST\n"
                                           "Unione europea\tGPE\nMeta\tORG\n", title);
  g_autoptr (TamisLexicon) lex = tamis_lexicon_new_from_data ("long.tsv", data, -1,
                                                             TAMIS_LEXICON_FOLD_ALL, &error);
  g_autofree char *text = NULL;
  g_autofree char *s = NULL;
  g_autofree char *s_it = NULL;
  char word[1001];

  g_assert_no_error (error);
  memset (word, 'a', 1000);
  word[1000] = '\0';
  text = g_strdup_printf ("Le %s, puis le rapport annuel de la Banque centrale européenne sur "
                          "la politique. %s Meta", title, word);
  s = describe (lex, text, "fr");
  g_assert_cmpstr (s, ==, "Rapport annuel de la Banque centrale européenne sur la politique "
                   "monétaire et la stabilité financière de la zone euro en 2025=DOC"
                   "|Banque centrale européenne=INST|Meta=ORG");
  s_it = describe (lex, "Il bilancio dell’Unione europea e quello dell'Unione Europea.", "it");
  g_assert_cmpstr (s_it, ==, "Unione europea=GPE|Unione Europea=GPE");
}

static gboolean
stop_after_one (const TamisLexicon *lex, guint entry, guint32 start, guint32 end, gpointer data)
{
  (*(guint *) data)++;
  return FALSE;
}

static void
test_same_term (void)
{
  g_autoptr (TamisLexicon) lex = companies_lexicon (TAMIS_LEXICON_FOLD_ALL);
  const char *text = "Orange et Meta";
  g_autoptr (GArray) matches = match_all (lex, text, "fr");
  guint calls = 0;

  /* both entries of the folded term, in file order, with the same offsets */
  g_assert_cmpuint (matches->len, ==, 3);
  g_assert_cmpuint (g_array_index (matches, Match, 0).entry, ==, 8);
  g_assert_cmpuint (g_array_index (matches, Match, 1).entry, ==, 9);
  g_assert_cmpuint (g_array_index (matches, Match, 1).start, ==, 0);
  g_assert_cmpuint (g_array_index (matches, Match, 1).end, ==, 6);
  g_assert_cmpuint (g_array_index (matches, Match, 2).entry, ==, 0);

  g_assert_cmpuint (tamis_lexicon_match (lex, text, strlen (text), "fr", stop_after_one, &calls), ==, 1);
  g_assert_cmpuint (calls, ==, 1);
}

static void
test_annotate (void)
{
  g_autoptr (TamisLexicon) lex = companies_lexicon (TAMIS_LEXICON_FOLD_ALL);
  g_autoptr (GError) error = NULL;
  const char *text = "Meta prévoit d’investir 65 milliards de dollars, a annoncé Mark Zuckerberg, "
                     "tandis que le modèle de DeepSeek fait chuter l’action de Nvidia.";
  g_autoptr (TamisDoc) doc = tamis_doc_new ("fr-1", text, -1, &error);
  TamisLayer *layer = tamis_doc_ensure_layer (doc, "entity");
  TamisValue value;
  guint span;

  g_assert_no_error (error);
  g_assert_cmpuint (tamis_lexicon_annotate (lex, doc, layer, "fr"), ==, 4);
  g_assert_cmpuint (tamis_layer_get_n_spans (layer), ==, 4);

  span = 0;
  g_assert_cmpuint (tamis_layer_get_start (layer, span), ==, 0);
  g_assert_cmpuint (tamis_layer_get_end (layer, span), ==, 4);
  g_assert_cmpstr (tamis_layer_get_label (layer, span), ==, "ORG");
  g_assert_true (tamis_layer_get_attr (layer, 0, "weight", &value));
  g_assert_cmpint (value.type, ==, TAMIS_VALUE_DOUBLE);
  g_assert_cmpfloat (value.d, ==, 2.0);
  g_assert_true (tamis_layer_get_attr (layer, 0, "ticker", &value));
  g_assert_cmpstr (value.s, ==, "META");
  g_assert_true (tamis_layer_get_attr (layer, 0, "country", &value));
  g_assert_cmpstr (value.s, ==, "US");

  span = 1;
  g_assert_cmpstr (tamis_layer_get_label (layer, span), ==, "PERSON");
  g_assert_false (tamis_layer_get_attr (layer, 1, "ticker", NULL));

  /* DeepSeek has a country but no ticker */
  g_assert_false (tamis_layer_get_attr (layer, 2, "ticker", NULL));
  g_assert_true (tamis_layer_get_attr (layer, 2, "country", &value));
  g_assert_cmpstr (value.s, ==, "CN");
  g_assert_true (tamis_layer_get_attr (layer, 2, "weight", &value));
  g_assert_cmpfloat (value.d, ==, 0.5);

  span = 3;
  g_assert_cmpuint (tamis_layer_get_start (layer, span), ==, strstr (text, "Nvidia") - text);

  /* the spans outlive the lexicon */
  g_clear_pointer (&lex, tamis_lexicon_unref);
  g_assert_cmpstr (tamis_layer_get_label (layer, 3), ==, "ORG");
  g_assert_true (tamis_layer_get_attr (layer, 3, "ticker", &value));
  g_assert_cmpstr (value.s, ==, "NVDA");
}

/* ---- sharing ---- */

static void
test_cache (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = write_temp ("tamis-lexicon-cache.tsv", companies, -1);
  g_autofree char *link = g_build_filename (tmp_dir, "tamis-lexicon-cache-link.tsv", NULL);
  TamisLexicon *a, *b, *c, *d;

  a = tamis_lexicon_load (path, TAMIS_LEXICON_FOLD_ALL, &error);
  g_assert_no_error (error);
  b = tamis_lexicon_load (path, TAMIS_LEXICON_FOLD_ALL, &error);
  g_assert_no_error (error);
  g_assert_true (a == b);

  /* the same file by another name is the same lexicon */
  g_unlink (link);
  g_assert_cmpint (symlink (path, link), ==, 0);
  c = tamis_lexicon_load (link, TAMIS_LEXICON_FOLD_ALL, &error);
  g_assert_no_error (error);
  g_assert_true (c == a);
  g_assert_cmpstr (tamis_lexicon_get_path (c), !=, link);

  /* other folding, other lexicon */
  d = tamis_lexicon_load (path, TAMIS_LEXICON_FOLD_CASE, &error);
  g_assert_no_error (error);
  g_assert_true (d != a);
  tamis_lexicon_unref (d);

  tamis_lexicon_unref (a);
  tamis_lexicon_unref (b);
  tamis_lexicon_unref (c);

  /* the last reference gone, the file is read again */
  g_file_set_contents (path, "Nvidia\tORG\n", -1, &error);
  g_assert_no_error (error);
  a = tamis_lexicon_load (path, TAMIS_LEXICON_FOLD_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tamis_lexicon_get_n_entries (a), ==, 1);
  tamis_lexicon_unref (a);
  g_unlink (link);
  g_unlink (path);
}

#define N_THREADS 6

static const char news[] =
  "Meta prévoit d’investir entre 60 et 65 milliards de dollars cette année, a indiqué "
  "Mark Zuckerberg. Nvidia’s market value fell by nearly $600bn after DeepSeek released "
  "its R1 model. Le conseil des gouverneurs de la Banque centrale européenne a abaissé ses "
  "taux ; l’Union européenne et Orange suivent. OpenAI's latest round values it at $300bn.";

static gpointer
load_thread (gpointer data)
{
  g_autoptr (GError) error = NULL;
  TamisLexicon *lex = tamis_lexicon_load (data, TAMIS_LEXICON_FOLD_ALL, &error);

  g_assert_no_error (error);
  return lex;
}

static gpointer
match_thread (gpointer data)
{
  GString *out = g_string_new (NULL);

  for (guint round = 0; round < 200; round++)
    {
      g_autofree char *s = describe (data, news, round % 2 ? "fr" : NULL);
      if (round < 2)
        g_string_append (out, s);
    }
  return g_string_free (out, FALSE);
}

static void
test_threads (void)
{
  g_autofree char *path = write_temp ("tamis-lexicon-threads.tsv", companies, -1);
  GThread *threads[N_THREADS];
  TamisLexicon *lexicons[N_THREADS];
  char *results[N_THREADS];

  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("load", load_thread, path);
  for (guint i = 0; i < N_THREADS; i++)
    lexicons[i] = g_thread_join (threads[i]);
  for (guint i = 1; i < N_THREADS; i++)
    g_assert_true (lexicons[i] == lexicons[0]);

  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("match", match_thread, lexicons[i]);
  for (guint i = 0; i < N_THREADS; i++)
    results[i] = g_thread_join (threads[i]);
  g_assert_nonnull (strstr (results[0], "Banque centrale européenne=INST"));
  for (guint i = 1; i < N_THREADS; i++)
    g_assert_cmpstr (results[i], ==, results[0]);

  for (guint i = 0; i < N_THREADS; i++)
    {
      g_free (results[i]);
      tamis_lexicon_unref (lexicons[i]);
    }
  g_unlink (path);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("tamis-lexicon-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_add_func ("/lexicon/entries", test_entries);
  g_test_add_func ("/lexicon/load-file", test_load_file);
  g_test_add_func ("/lexicon/load-errors", test_load_errors);
  g_test_add_func ("/lexicon/load-missing", test_load_missing);
  g_test_add_func ("/lexicon/long-term", test_long_term);
  g_test_add_func ("/lexicon/folding", test_folding);
  g_test_add_func ("/lexicon/elisions", test_elisions);
  g_test_add_func ("/lexicon/possessive", test_possessive);
  g_test_add_func ("/lexicon/longest-first", test_longest_first);
  g_test_add_func ("/lexicon/boundaries", test_boundaries);
  g_test_add_func ("/lexicon/long-matches", test_long_matches);
  g_test_add_func ("/lexicon/same-term", test_same_term);
  g_test_add_func ("/lexicon/annotate", test_annotate);
  g_test_add_func ("/lexicon/cache", test_cache);
  g_test_add_func ("/lexicon/threads", test_threads);
  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
