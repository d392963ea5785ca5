/* Tests of the segment plugin: tokens and sentences on French and English
 * news sentences, byte offsets on non-ASCII text, options, and invariants
 * over whole articles. */
#include <string.h>
#include <glib/gstdio.h>
#include <tamis/tamis.h>

#include "spans.h"

static TamisPipeline *default_pipeline;
static TamisPipeline *sentences_only;

static TamisPipeline *
new_pipeline (const char *options, GError **error)
{
  g_autofree char *yaml = g_strdup_printf ("tamis: 1\nstages:\n  - segment%s%s\n",
                                           options ? ": " : "", options ? options : "");
  return tamis_pipeline_new_from_data (yaml, -1, NULL, NULL, error);
}

static TamisDoc *
run_on (TamisPipeline *pipeline, const char *text, const char *lang)
{
  g_autoptr(GError) error = NULL;
  TamisDoc *doc = tamis_doc_new ("t", text, -1, &error);
  g_assert_no_error (error);
  if (lang != NULL)
    tamis_doc_set_string (doc, "lang", lang);
  tamis_pipeline_process (pipeline, doc, &error);
  g_assert_no_error (error);
  return doc;
}

static TamisDoc *
run (const char *text)
{
  return run_on (default_pipeline, text, NULL);
}

/* The texts of a layer's spans, joined by @sep. */
static char *
span_texts (TamisDoc *doc, const char *layer_name, const char *sep)
{
  const TamisLayer *layer = tamis_doc_get_layer (doc, layer_name);
  GString *out = g_string_new (NULL);
  guint n = 0;
  g_autofree TestSpan *spans = layer ? test_spans (layer, &n) : NULL;
  const char *text = tamis_doc_get_text (doc);

  for (guint i = 0; i < n; i++) {
    if (i > 0)
      g_string_append (out, sep);
    g_string_append_len (out, text + spans[i].start, spans[i].end - spans[i].start);
  }
  return g_string_free (out, FALSE);
}

/* "tok|tok|…" */
static char *
token_texts (TamisDoc *doc)
{
  return span_texts (doc, "token", "|");
}

/* one letter per token: w(ord) n(umber) p(unct) s(ymbol) u(rl) e(mail) */
static char *
token_kinds (TamisDoc *doc)
{
  const TamisLayer *layer = tamis_doc_get_layer (doc, "token");
  GString *out = g_string_new (NULL);
  guint n = 0;
  g_autofree TestSpan *spans = layer ? test_spans (layer, &n) : NULL;

  for (guint i = 0; i < n; i++) {
    const char *k = spans[i].label;
    g_assert_nonnull (k);
    g_assert_true (g_str_equal (k, "word") || g_str_equal (k, "number") || g_str_equal (k, "punct") ||
                   g_str_equal (k, "symbol") || g_str_equal (k, "url") || g_str_equal (k, "email"));
    g_string_append_c (out, k[0]);
  }
  return g_string_free (out, FALSE);
}

/* "sentence ‖ sentence" */
static char *
sentence_texts (TamisDoc *doc)
{
  return span_texts (doc, "sentence", " ‖ ");
}

static guint
n_sentences (TamisDoc *doc)
{
  const TamisLayer *layer = tamis_doc_get_layer (doc, "sentence");
  return layer ? tamis_layer_get_n_spans (layer) : 0;
}

static void
assert_tokens (const char *text, const char *texts, const char *kinds)
{
  g_autoptr(TamisDoc) doc = run (text);
  g_autofree char *got = token_texts (doc);
  g_assert_cmpstr (got, ==, texts);
  if (kinds != NULL) {
    g_autofree char *got_kinds = token_kinds (doc);
    g_assert_cmpstr (got_kinds, ==, kinds);
  }
}

static void
assert_sentences (const char *text, const char *expected)
{
  g_autoptr(TamisDoc) doc = run (text);
  g_autofree char *got = sentence_texts (doc);
  g_assert_cmpstr (got, ==, expected);
}

/* ---- tokens ---- */

static void
test_elision (void)
{
  assert_tokens ("L’IA d’OpenAI, l'entreprise qu’il dirige jusqu’à aujourd’hui.",
                 "L’|IA|d’|OpenAI|,|l'|entreprise|qu’|il|dirige|jusqu’|à|aujourd’hui|.",
                 "wwwwpwwwwwwwwp");
  assert_tokens ("Qu’est-ce que c’est ? S’il n’investit pas, lorsqu’on l’apprend…",
                 "Qu’|est-ce|que|c’|est|?|S’|il|n’|investit|pas|,|lorsqu’|on|l’|apprend|…",
                 "wwwwwpwwwwwpwwwwp");
  /* not elisions: the apostrophe stays inside the word */
  assert_tokens ("quelqu’un, O'Brien et prud’hommes",
                 "quelqu’un|,|O'Brien|et|prud’hommes", "wpwww");
  /* an apostrophe that is a quote */
  assert_tokens ("les investisseurs' fonds", "les|investisseurs|'|fonds", "wwpw");
}

static void
test_contractions (void)
{
  assert_tokens ("Meta's chief said investors don't care, they're calm and it can't last.",
                 "Meta|'s|chief|said|investors|do|n't|care|,|they|'re|calm|and|it|ca|n't|last|.",
                 "wwwwwwwwpwwwwwwwwp");
  assert_tokens ("Nvidia’s shares fell; I’m sure we’ll see. DON'T PANIC.",
                 "Nvidia|’s|shares|fell|;|I|’m|sure|we|’ll|see|.|DO|N'T|PANIC|.",
                 "wwwwpwwwwwwpwwwp");
}

static void
test_abbreviations (void)
{
  assert_tokens ("M. Zuckerberg et Mme. Martin, p. ex. aux U.S. et chez Apple Inc. selon J. Smith.",
                 "M.|Zuckerberg|et|Mme.|Martin|,|p.|ex.|aux|U.S.|et|chez|Apple|Inc.|selon|J.|Smith|.",
                 "wwwwwpwwwwwwwwwwwp");
  assert_sentences ("M. Zuckerberg a parlé. Mme. Martin aussi. Le Dr. Smith vit aux U.S. Depuis 2020 il y travaille.",
                    "M. Zuckerberg a parlé. ‖ Mme. Martin aussi. ‖ "
                    "Le Dr. Smith vit aux U.S. Depuis 2020 il y travaille.");
  assert_sentences ("Apple Inc. Chief Executive Tim Cook met Mr. Nadella of Microsoft Corp. On Monday, "
                    "shares of Meta Platforms Inc. rose, e.g. in Asia. J. Smith said so.",
                    "Apple Inc. Chief Executive Tim Cook met Mr. Nadella of Microsoft Corp. On Monday, "
                    "shares of Meta Platforms Inc. rose, e.g. in Asia. ‖ J. Smith said so.");
  /* etc. ends a sentence only before a capitalised word */
  assert_sentences ("Meta achète des GPU, des puces, etc. Les autres suivent. Des GPU, etc., et des puces.",
                    "Meta achète des GPU, des puces, etc. ‖ Les autres suivent. ‖ Des GPU, etc., et des puces.");
  assert_tokens ("des puces, etc. Les", "des|puces|,|etc.|Les", "wwpww");
}

static void
test_numbers (void)
{
  assert_tokens ("Elle a dépensé 5,6 millions, 1,300.5 et 65.5 milliards pour 1 300 GPU.",
                 "Elle|a|dépensé|5,6|millions|,|1,300.5|et|65.5|milliards|pour|1 300|GPU|.",
                 "wwwnwpnwnwwnwp");
  /* no-break space and narrow no-break space as thousands separators */
  assert_tokens ("1\u00a0300 salariés et 25\u202f000\u202f000 dollars",
                 "1\u00a0300|salariés|et|25\u202f000\u202f000|dollars", "nwwnw");
  /* a space groups only a group of exactly three digits after at most three */
  assert_tokens ("en 2024 300 entreprises, 12 34 et 1 3000 puis 12 345,5",
                 "en|2024|300|entreprises|,|12|34|et|1|3000|puis|12 345,5", "wnnwpnnwnnwn");
  assert_tokens ("une hausse de 25 % et de 12% à 10:30", "une|hausse|de|25|%|et|de|12|%|à|10:30",
                 "wwwnswwnswn");
  assert_tokens ("le 1er trimestre, la 2e place, the 3rd quarter and 65bn",
                 "le|1er|trimestre|,|la|2e|place|,|the|3rd|quarter|and|65|bn", "wwwpwwwpwwwwnw");
  /* a decimal point is not a sentence end, a final period after a number is */
  assert_sentences ("Le titre a pris 65.5 points en 2024. Les analystes citent 5,6 millions.",
                    "Le titre a pris 65.5 points en 2024. ‖ Les analystes citent 5,6 millions.");
}

static void
test_symbols (void)
{
  assert_tokens ("60 à 65 milliards $, soit 55 € ou £ 40 et ¥ 300 (+ 3 %)",
                 "60|à|65|milliards|$|,|soit|55|€|ou|£|40|et|¥|300|(|+|3|%|)",
                 "nwnwspwnswsnwsnpsnsp");
  assert_tokens ("$65B pour R&D, AT&T et Tech&Co #IA @Meta",
                 "$|65|B|pour|R&D|,|AT&T|et|Tech&Co|#|IA|@|Meta", "snwwwpwwwswsw");
}

static void
test_hyphens_dashes (void)
{
  assert_tokens ("soixante-cinq, peut-être : changera-t-elle le Covid-19 ou GPT-4o ?",
                 "soixante-cinq|,|peut-être|:|changera-t-elle|le|Covid-19|ou|GPT-4o|?",
                 "wpwpwwwwwp");
  assert_tokens ("Meta – et Google — suivent ; 2024-2025 -- fin",
                 "Meta|–|et|Google|—|suivent|;|2024|-|2025|--|fin", "wpwwpwpnpnpw");
  /* non-breaking hyphen U+2011 joins too */
  assert_tokens ("peut\u2011être", "peut\u2011être", "w");
}

static void
test_quotes (void)
{
  assert_tokens ("« le modèle de pointe », “AI” et \"GPU\"",
                 "«|le|modèle|de|pointe|»|,|“|AI|”|et|\"|GPU|\"", "pwwwwpppwpwpwp");
  /* French spacing: the closing guillemet after the period belongs to the sentence */
  assert_sentences ("Il a dit : « C’est fini.\u202f» Puis il est parti. « Pourquoi ? » demande-t-on.",
                    "Il a dit : « C’est fini.\u202f» ‖ Puis il est parti. ‖ « Pourquoi ? » demande-t-on.");
  assert_sentences ("He said \"It is over.\" Then he left. \"Why?\" she asked. Fine.",
                    "He said \"It is over.\" ‖ Then he left. ‖ \"Why?\" she asked. ‖ Fine.");
  assert_sentences ("(Voir plus haut.) Le groupe a publié ses comptes.",
                    "(Voir plus haut.) ‖ Le groupe a publié ses comptes.");
}

static void
test_ellipsis (void)
{
  assert_tokens ("Mais... pourquoi… enfin [...] oui (…)", "Mais|...|pourquoi|…|enfin|[|...|]|oui|(|…|)",
                 "wpwpwpppwppp");
  assert_sentences ("Les géants dépensent… Le marché doute... Mais pourquoi… et comment ?",
                    "Les géants dépensent… ‖ Le marché doute... ‖ Mais pourquoi… et comment ?");
  assert_sentences ("Il cite « les dépenses […] Les marges » sans plus.",
                    "Il cite « les dépenses […] Les marges » sans plus.");
}

static void
test_urls_emails (void)
{
  assert_tokens ("Voir https://www.example.com/a_b?x=1. Écrire à presse@example.fr ou à "
                 "jean.dupont+ia@news.example.co.uk, sur www.meta.com ou openai.com.",
                 "Voir|https://www.example.com/a_b?x=1|.|Écrire|à|presse@example.fr|ou|à|"
                 "jean.dupont+ia@news.example.co.uk|,|sur|www.meta.com|ou|openai.com|.",
                 "wupwwewwepwuwwp");
  assert_tokens ("(https://fr.wikipedia.org/wiki/Meta_(entreprise)), Source:http://x.org",
                 "(|https://fr.wikipedia.org/wiki/Meta_(entreprise)|)|,|Source|:|http://x.org",
                 "pupp" "wpu");
  assert_sentences ("Lire https://example.com/rapport. Le rapport est long.",
                    "Lire https://example.com/rapport. ‖ Le rapport est long.");
}

/* ---- sentences ---- */

static void
test_sentence_ends (void)
{
  assert_sentences ("Meta investit. Google aussi ! Et Microsoft ? Oui. 2025 sera décisive.",
                    "Meta investit. ‖ Google aussi ! ‖ Et Microsoft ? ‖ Oui. ‖ 2025 sera décisive.");
  /* no end before a lowercase word, nor inside 65 milliards */
  assert_sentences ("Quel prix ? demande-t-il. Le budget atteint 65 milliards de dollars.",
                    "Quel prix ? demande-t-il. ‖ Le budget atteint 65 milliards de dollars.");
  assert_sentences ("Really?! Yes. “Quoted.” Next one.", "Really?! ‖ Yes. ‖ “Quoted.” ‖ Next one.");
  /* a sentence may open with a currency sign, a dash or a camel-cased brand */
  assert_sentences ("Sales jumped. $5 billion went to chips. – A pause. iPhone sales fell.",
                    "Sales jumped. ‖ $5 billion went to chips. ‖ – A pause. ‖ iPhone sales fell.");
  /* a missing space after a period between words */
  assert_sentences ("Il dépensera plus.Zuckerberg l’a dit. Voir openai.com pour plus.Étant donné.",
                    "Il dépensera plus. ‖ Zuckerberg l’a dit. ‖ Voir openai.com pour plus. ‖ Étant donné.");
  assert_tokens ("plus.Zuckerberg", "plus|.|Zuckerberg", "wpw");
  /* no text, no spans */
  assert_sentences ("", "");
  assert_sentences (" \n\n\t ", "");
  assert_sentences ("…", "…");
}

static void
test_paragraphs_titles (void)
{
  assert_sentences ("Meta et l’IA\n\nLe groupe dépense 65 milliards de dollars\n\nen 2025.",
                    "Meta et l’IA ‖ Le groupe dépense 65 milliards de dollars ‖ en 2025.");
  /* headlines: a line without final punctuation, then a capitalised line */
  assert_sentences ("Microsoft dit que les revenus sont en hausse\nLe PDG de Microsoft, Satya Nadella, l’a dit.\n"
                    "Cela compte.\nLa suite\n« Citation » ici",
                    "Microsoft dit que les revenus sont en hausse ‖ Le PDG de Microsoft, Satya Nadella, l’a dit. ‖ "
                    "Cela compte. ‖ La suite ‖ « Citation » ici");
  /* a line ending with a comma or colon goes on */
  assert_sentences ("Selon le groupe,\nMeta dépensera plus.\nIl a déclaré :\nNous investirons.",
                    "Selon le groupe,\nMeta dépensera plus. ‖ Il a déclaré :\nNous investirons.");
  /* an abbreviation at the end of a line that is not hard-wrapped */
  assert_sentences ("Le siège est aux U.S.\nLa filiale est en France.",
                    "Le siège est aux U.S. ‖ La filiale est en France.");
  /* hard-wrapped text: line breaks are spaces, even before a capital */
  assert_sentences ("The company said on Tuesday that it would spend\n"
                    "Meta-sized sums on new data centres in\n"
                    "the United States and that its investors\n"
                    "were happy.\nShares rose.",
                    "The company said on Tuesday that it would spend\n"
                    "Meta-sized sums on new data centres in\n"
                    "the United States and that its investors\n"
                    "were happy. ‖ Shares rose.");
  /* CRLF, and a paragraph separator */
  assert_sentences ("Titre\r\nLe texte suit.\r\n\r\nFin\u2029Autre", "Titre ‖ Le texte suit. ‖ Fin ‖ Autre");
}

static void
test_title_lines_off (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisPipeline) p = new_pipeline ("{title_lines: false}", &error);
  g_assert_no_error (error);
  g_autoptr(TamisDoc) doc = run_on (p, "Le titre\nLe texte suit.\n\nFin", NULL);
  g_autofree char *got = sentence_texts (doc);
  g_assert_cmpstr (got, ==, "Le titre\nLe texte suit. ‖ Fin");
}

/* ---- offsets ---- */

static void
test_offsets (void)
{
  /* l’ is 4 bytes, û, É and é 2, U+202F 3, € 3 */
  const char *text = "l’IA coûte 1\u202f300 €. Été";
  g_autoptr(TamisDoc) doc = run (text);
  const TamisLayer *tokens = tamis_doc_get_layer (doc, "token");
  guint n;
  g_autofree TestSpan *t = test_spans (tokens, &n);
  static const guint32 expected[][2] = {
    { 0, 4 }, { 4, 6 }, { 7, 13 }, { 14, 21 }, { 22, 25 }, { 25, 26 }, { 27, 32 },
  };
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++) {
    g_assert_cmpuint (t[i].start, ==, expected[i][0]);
    g_assert_cmpuint (t[i].end, ==, expected[i][1]);
  }
  g_assert_cmpstr (t[3].label, ==, "number");
  g_assert_cmpstr (t[4].label, ==, "symbol");

  const TamisLayer *sentences = tamis_doc_get_layer (doc, "sentence");
  g_autofree TestSpan *s = test_spans (sentences, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (s[0].start, ==, 0);
  g_assert_cmpuint (s[0].end, ==, 26);
  g_assert_null (s[0].label);
  g_assert_cmpuint (s[1].start, ==, 27);
  g_assert_cmpuint (s[1].end, ==, 32);
  g_assert_cmpuint (tamis_doc_char_offset (doc, s[1].start), ==, 20);
}

/* ---- options ---- */

static void
test_option_layers (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = "M. Dupont dépense 1 300 €. Le groupe suit !\n\nFin";

  g_autoptr(TamisPipeline) only_s = new_pipeline ("{tokens: false}", &error);
  g_assert_no_error (error);
  g_autoptr(TamisDoc) a = run_on (only_s, text, NULL);
  g_assert_null (tamis_doc_get_layer (a, "token"));
  g_autofree char *sa = sentence_texts (a);
  g_assert_cmpstr (sa, ==, "M. Dupont dépense 1 300 €. ‖ Le groupe suit ! ‖ Fin");

  g_autoptr(TamisPipeline) only_t = new_pipeline ("{sentences: false}", &error);
  g_assert_no_error (error);
  g_autoptr(TamisDoc) b = run_on (only_t, text, NULL);
  g_assert_null (tamis_doc_get_layer (b, "sentence"));
  g_assert_cmpuint (tamis_layer_get_n_spans (tamis_doc_get_layer (b, "token")), ==, 11);

  g_autoptr(TamisPipeline) none = new_pipeline ("{tokens: false, sentences: false}", &error);
  g_assert_null (none);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "tokens"));
  g_clear_error (&error);

  g_autoptr(TamisPipeline) typo = new_pipeline ("{tokens: maybe}", &error);
  g_assert_null (typo);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
  g_clear_error (&error);

  g_autoptr(TamisPipeline) unknown = new_pipeline ("{token: false}", &error);
  g_assert_null (unknown);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
}

static void
test_option_languages (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = "Il a vu Mgr. Lustiger. Les fidèles aussi.";

  g_autoptr(TamisPipeline) fr = new_pipeline ("{languages: [fr]}", &error);
  g_assert_no_error (error);
  g_autoptr(TamisDoc) a = run_on (fr, text, NULL);
  g_assert_cmpuint (n_sentences (a), ==, 2);

  g_autoptr(TamisPipeline) en = new_pipeline ("{languages: en}", &error);
  g_assert_no_error (error);
  g_autoptr(TamisDoc) b = run_on (en, text, NULL);
  g_assert_cmpuint (n_sentences (b), ==, 3);

  /* with both lists, the document's lang (from an earlier stage) picks one */
  g_autoptr(TamisDoc) c = run_on (default_pipeline, text, "fr");
  g_assert_cmpuint (n_sentences (c), ==, 2);
  g_autoptr(TamisDoc) d = run_on (default_pipeline, text, "en");
  g_assert_cmpuint (n_sentences (d), ==, 3);
  g_autoptr(TamisDoc) e = run_on (default_pipeline, text, "de");
  g_assert_cmpuint (n_sentences (e), ==, 2);

  g_autoptr(TamisPipeline) bad = new_pipeline ("{languages: [fr, xx]}", &error);
  g_assert_null (bad);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "'xx'"));
  g_assert_nonnull (strstr (error->message, ":3:"));
  g_clear_error (&error);

  g_autoptr(TamisPipeline) evil = new_pipeline ("{languages: [../fr]}", &error);
  g_assert_null (evil);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
}

static void
test_option_abbreviations (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-segment-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *good = g_build_filename (dir, "extra.txt", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.txt", NULL);
  g_file_set_contents (good, "# ours\nUniv.\nPh.D.\n[may-end]\nal.\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (bad, "Univ.\nnot one\n", -1, &error);
  g_assert_no_error (error);

  g_autofree char *opts = g_strdup_printf ("{abbreviations: %s}", good);
  g_autoptr(TamisPipeline) p = new_pipeline (opts, &error);
  g_assert_no_error (error);
  g_autoptr(TamisDoc) doc = run_on (p, "L’Univ. Laval et Smith et al. Les Ph.D. Students.", NULL);
  g_autofree char *got = sentence_texts (doc);
  g_assert_cmpstr (got, ==, "L’Univ. Laval et Smith et al. ‖ Les Ph.D. Students.");
  g_autofree char *toks = token_texts (doc);
  g_assert_cmpstr (toks, ==, "L’|Univ.|Laval|et|Smith|et|al.|Les|Ph.D.|Students|.");

  g_autofree char *opts_bad = g_strdup_printf ("{abbreviations: %s}", bad);
  g_autoptr(TamisPipeline) q = new_pipeline (opts_bad, &error);
  g_assert_null (q);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "bad.txt:2:"));
  g_clear_error (&error);

  g_autoptr(TamisPipeline) r = new_pipeline ("{abbreviations: /nonexistent/list.txt}", &error);
  g_assert_null (r);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);

  g_unlink (good);
  g_unlink (bad);
  g_rmdir (dir);
}

/* ---- whole articles ---- */

static gboolean
is_space_at (const char *p)
{
  gunichar u = g_utf8_get_char (p);
  /* as the plugin reads them: controls and invisible spaces too */
  return g_unichar_isspace (u) || u < 0x20 || (u >= 0x7F && u < 0xA0) || u == 0x200B ||
         u == 0x2060 || u == 0xFEFF;
}

/* What must hold on any text: tokens cover every non-space character once
 * and never start or end with a space; sentences are made of whole tokens,
 * in order, without gaps of anything but space; sentences-only mode finds
 * the same sentences. */
static void
check_invariants (const char *id, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisDoc) doc = run (text);
  gsize len = strlen (text);
  guint nt, ns;
  g_autofree TestSpan *t = test_spans (tamis_doc_get_layer (doc, "token"), &nt);
  g_autofree TestSpan *s = test_spans (tamis_doc_get_layer (doc, "sentence"), &ns);
  guint32 pos = 0;

  if (!g_str_equal (id, "random"))
    g_test_message ("%s: %u tokens, %u sentences", id, nt, ns);
  for (guint i = 0; i < nt; i++) {
    g_assert_cmpuint (t[i].start, <, t[i].end);
    g_assert_cmpuint (t[i].end, <=, len);
    for (const char *c = text + pos; c < text + t[i].start; c = g_utf8_next_char (c))
      g_assert_true (is_space_at (c));
    g_assert_true (g_utf8_get_char_validated (text + t[i].start, -1) != (gunichar) -1 &&
                   (text[t[i].start] & 0xC0) != 0x80);
    g_assert_true ((text[t[i].end] & 0xC0) != 0x80);
    g_assert_false (is_space_at (text + t[i].start));
    g_assert_false (is_space_at (g_utf8_prev_char (text + t[i].end)));
    pos = t[i].end;
  }
  for (const char *c = text + pos; *c != '\0'; c = g_utf8_next_char (c))
    g_assert_true (is_space_at (c));

  guint ti = 0;
  for (guint i = 0; i < ns; i++) {
    g_assert_cmpuint (s[i].start, <, s[i].end);
    if (i > 0)
      g_assert_cmpuint (s[i - 1].end, <=, s[i].start);
    g_assert_cmpuint (ti, <, nt);
    g_assert_cmpuint (t[ti].start, ==, s[i].start);
    while (ti < nt && t[ti].end < s[i].end)
      ti++;
    g_assert_cmpuint (ti, <, nt);
    g_assert_cmpuint (t[ti].end, ==, s[i].end);
    ti++;
    /* never in the middle of an amount, never after a title */
    const char *start = text + s[i].start;
    g_assert_false (g_str_has_prefix (start, "milliards") || g_str_has_prefix (start, "millions") ||
                    g_str_has_prefix (start, "billion") || g_str_has_prefix (start, "dollars"));
    if (i > 0) {
      g_autofree char *before = g_strndup (text + s[i - 1].start, s[i - 1].end - s[i - 1].start);
      g_assert_false (g_str_has_suffix (before, " M.") || g_str_has_suffix (before, " Mme") ||
                      g_str_has_suffix (before, " Dr.") || g_str_has_suffix (before, " Mr."));
    }
    /* a sentence never spans a blank line */
    g_autofree char *body = g_strndup (start, s[i].end - s[i].start);
    g_assert_null (strstr (body, "\n\n"));
  }
  g_assert_cmpuint (ti, ==, nt);
  if (nt > 0)
    g_assert_cmpuint (ns, >, 0);

  g_autoptr(TamisDoc) doc2 = run_on (sentences_only, text, NULL);
  g_autofree char *a = sentence_texts (doc);
  g_autofree char *b = sentence_texts (doc2);
  g_assert_cmpstr (a, ==, b);
}

static void
check_dir (const char *dir, guint *n_docs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL) {
    if (!g_str_has_suffix (name, ".txt"))
      continue;
    g_autofree char *path = g_build_filename (dir, name, NULL);
    g_autofree char *text = NULL;
    g_file_get_contents (path, &text, NULL, &error);
    g_assert_no_error (error);
    check_invariants (name, text);
    (*n_docs)++;
  }
}

static void
test_seeds (void)
{
  const char *srcdir = g_getenv ("TAMIS_SRCDIR");
  g_autofree char *dir = g_build_filename (srcdir ? srcdir : ".", "..", "shared", "corpus", "seeds", NULL);
  guint n = 0;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR)) {
    g_test_skip ("no seed articles beside the project");
    return;
  }
  check_dir (dir, &n);
  g_assert_cmpuint (n, >, 0);
}

static void
test_examples (void)
{
  const char *srcdir = g_getenv ("TAMIS_SRCDIR");
  g_autofree char *dir = g_build_filename (srcdir ? srcdir : ".", "examples", "corpus", NULL);
  guint n = 0;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR)) {
    g_test_skip ("no examples/corpus");
    return;
  }
  check_dir (dir, &n);
  g_assert_cmpuint (n, >, 0);
}

static void
test_invariants_edge_cases (void)
{
  static const char *const texts[] = {
    "", "a", ".", "'", "’", "l’", "-", "--x", "x-", "1 ", " 1 300", "1\u202f", "U.", "U.S", "@", "a@b",
    "x@y.z", "http://", "www.", "« »", "«\u202fOui\u202f»", "\u00a0\u202f\u2009", "e\u0301te\u0301",
    "𝐀𝐁 😀👍🏽 中文。日本", "Ⅻ ² ½ ٣٤٥", "\r\n\r\n", "a\u2028b\u2029c", "Mr.", "etc.", "...", "5.",
    "(https://a.b/c)", "jusqu’", "n't", "A.B.C.D.E.", "1,", "1,2,", "10:3", "3D 4K 5G 1er", NULL,
  };
  for (guint i = 0; texts[i] != NULL; i++)
    check_invariants (texts[i], texts[i]);
}

/* Texts glued from tricky pieces at random (fixed seed): the invariants
 * must hold whatever the order. */
static void
test_invariants_random (void)
{
  static const char *const pieces[] = {
    "a", "Z", "é", "É", "1", "23", "456", " ", " ", " ", "\n", "\n\n", "\r", "\t", ".", "..", "…", "?",
    "!", ",", ";", ":", "'", "’", "-", "\u2011", "–", "«", "»", "\"", "“", "”", "(", ")", "[", "]", "@",
    "/", "//", "http", "https://", "www", "U", "S", "l", "d", "qu", "n't", "'s", "M", "Mme", "etc", "Inc",
    "\u00a0", "\u202f", "%", "$", "€", "&", "_", "+", "x.com", "\u2029", "e\u0301", "😀", "中", "Ph", "D",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250129);
  GString *text = g_string_new (NULL);

  for (guint round = 0; round < 3000; round++) {
    guint n = g_rand_int_range (rand, 1, 40);
    g_string_truncate (text, 0);
    for (guint i = 0; i < n; i++)
      g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
    check_invariants ("random", text->str);
  }
  g_string_free (text, TRUE);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  default_pipeline = new_pipeline (NULL, &error);
  g_assert_no_error (error);
  sentences_only = new_pipeline ("{tokens: false}", &error);
  g_assert_no_error (error);

  g_test_add_func ("/segment/tokens/elision", test_elision);
  g_test_add_func ("/segment/tokens/contractions", test_contractions);
  g_test_add_func ("/segment/tokens/abbreviations", test_abbreviations);
  g_test_add_func ("/segment/tokens/numbers", test_numbers);
  g_test_add_func ("/segment/tokens/symbols", test_symbols);
  g_test_add_func ("/segment/tokens/hyphens-dashes", test_hyphens_dashes);
  g_test_add_func ("/segment/tokens/quotes", test_quotes);
  g_test_add_func ("/segment/tokens/ellipsis", test_ellipsis);
  g_test_add_func ("/segment/tokens/urls-emails", test_urls_emails);
  g_test_add_func ("/segment/sentences/ends", test_sentence_ends);
  g_test_add_func ("/segment/sentences/paragraphs-titles", test_paragraphs_titles);
  g_test_add_func ("/segment/sentences/title-lines-off", test_title_lines_off);
  g_test_add_func ("/segment/offsets", test_offsets);
  g_test_add_func ("/segment/options/layers", test_option_layers);
  g_test_add_func ("/segment/options/languages", test_option_languages);
  g_test_add_func ("/segment/options/abbreviations", test_option_abbreviations);
  g_test_add_func ("/segment/invariants/edge-cases", test_invariants_edge_cases);
  g_test_add_func ("/segment/invariants/random", test_invariants_random);
  g_test_add_func ("/segment/invariants/examples", test_examples);
  g_test_add_func ("/segment/invariants/seeds", test_seeds);

  status = g_test_run ();
  tamis_pipeline_free (default_pipeline);
  tamis_pipeline_free (sentences_only);
  return status;
}
