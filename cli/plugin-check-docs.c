/* tamis plugins --check — the battery of awkward documents.
 *
 * Each one probes something plugins written for tidy news get wrong:
 * nothing at all, a character of several bytes, scripts without spaces or
 * written right to left, grapheme clusters of several code points, every
 * way of ending a line, control characters, sizes far from the usual. */
#include "plugin-check.h"

#include <string.h>

/* Plain French and English news with amounts: what every plugin of this
 * project is written for, so one that fails on it is broken. */
static const char news[] =
  "Microsoft, Alphabet, Amazon et Meta prévoient de dépenser entre 60 et 65 milliards de dollars "
  "cette année dans leurs centres de données. La start-up parisienne a levé 5,6 millions d'euros "
  "auprès de ses investisseurs historiques. Nvidia a perdu 17 % en une séance, soit près de "
  "600 milliards de dollars de capitalisation.\n\n"
  "OpenAI is said to be raising $40bn at a valuation of about $300 billion. The Federal Reserve "
  "left rates unchanged on Wednesday, and the yen rose 0.8% against the dollar. Shares of ASML "
  "fell 3.2% in Amsterdam after the company cut its 2025 outlook to €30bn-€35bn.\n";

/* Sentences repeated into the large document. */
static const char *const big_sentences[] = {
  "La Banque centrale européenne a maintenu son taux de dépôt à 2 %, a indiqué jeudi sa présidente.",
  "Alphabet will spend about $75 billion on data centres this year, up from $52.5 billion.",
  "Le groupe a annoncé un plan d'investissement de 1,2 milliard d'euros sur cinq ans.",
  "Chip stocks fell sharply on Monday after a Chinese start-up released a cheaper model.",
  "Selon l'Insee, l'inflation a ralenti à 1,7 % sur un an en janvier.",
  "The fund raised €500m from pension funds in Canada and the Netherlands, its managers said.",
  "« Nous ne sommes qu'au début du cycle », estime un analyste de la banque.",
  "Revenue rose 12% to $26.0bn in the quarter, beating analysts' estimates of $24.6bn.",
};

static void
add (GPtrArray *docs, const char *name, const char *text, gssize length)
{
  CheckDoc *doc = g_new0 (CheckDoc, 1);

  doc->name = name;
  doc->length = length < 0 ? strlen (text) : (gsize) length;
  doc->text = g_strndup (text, doc->length);
  g_ptr_array_add (docs, doc);
}

static void
add_take (GPtrArray *docs, const char *name, GString *text)
{
  CheckDoc *doc = g_new0 (CheckDoc, 1);

  doc->name = name;
  doc->length = text->len;
  doc->text = g_string_free (text, FALSE);
  g_ptr_array_add (docs, doc);
}

static void
check_doc_free (gpointer data)
{
  CheckDoc *doc = data;

  g_free (doc->text);
  g_free (doc);
}

GPtrArray *
check_battery_new (gsize big_size)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func (check_doc_free);
  GString *s;

  add (docs, "empty", "", 0);
  add (docs, "one-char", "a", -1);
  add (docs, "one-multibyte-char", "€", -1);

  add (docs, "news", news, -1);
  ((CheckDoc *) g_ptr_array_index (docs, docs->len - 1))->news = TRUE;

  add (docs, "cjk",
       "英伟达股价周一下跌17%，市值蒸发近6000亿美元。日本銀行は政策金利を0.5%に据え置いた。"
       "삼성전자는 2분기 영업이익이 10조 원을 넘었다고 밝혔다.", -1);
  /* Arabic with Arabic-Indic digits, and a right-to-left mark. */
  add (docs, "arabic",
       "أعلنت الشركة عن استثمار بقيمة ٥ مليارات دولار في مراكز البيانات.\u200f "
       "ارتفعت الأسهم بنسبة 3٪ يوم الاثنين.", -1);
  add (docs, "hebrew",
       "החברה הודיעה על השקעה של 5 מיליארד דולר במרכזי נתונים. המניה עלתה ב-3% ביום שני.", -1);
  /* Skin tones, ZWJ families, flags, keycaps, variation selectors. */
  add (docs, "emoji",
       "Nvidia 🚀📈 +17 % 👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 🇫🇷🇺🇸 1️⃣ ❤️ 🧑🏿‍💻 fin.", -1);
  /* Decomposed accents: "é" as e + U+0301, and stacked marks. */
  add (docs, "combining",
       "Cafe\u0301 de\u0301ja\u0300 vu a\u0300 Montre\u0301al : l'e\u0301tude a cou\u0302te\u0301 "
       "5 millions d'euros. Z\u0351\u0352a\u0353l\u0354g\u0355o\u0356.", -1);
  /* LF, CRLF, CR, U+2028, U+2029, form feed, NEL (U+0085), vertical tab. */
  add (docs, "line-endings",
       "Première ligne.\nSecond line.\r\nTroisième ligne.\rFourth line.\u2028Cinquième ligne."
       "\u2029Sixth line.\fSeptième ligne.\xc2\x85" "Eighth line.\vLast line without an end", -1);
  add (docs, "control-chars",
       "Nvidia\x01 fell\x02 17%\x07.\x08 \x1b[1mBold\x1b[0m\x7f \x1e\x1f end\x06.", -1);

  /* 256 KiB of letters without a break: a quadratic tokenizer shows here. */
  s = g_string_sized_new (256 * 1024);
  while (s->len < 256 * 1024)
    g_string_append (s, "abcdefghijklmnopqrstuvwxyz");
  add_take (docs, "long-token", s);

  /* Starts with '!', which some test modules take as their cue. */
  add (docs, "punctuation", "!?!… ;:,. —– «»()[]{}¡¿\"' ‹›·... ?!", -1);
  add (docs, "spaces", "   \t \u00a0\u202f\u2009\u3000 \n \t  \n", -1);

  s = g_string_sized_new (big_size + 256);
  for (guint i = 0; s->len < big_size; i++)
    {
      g_string_append (s, big_sentences[i % G_N_ELEMENTS (big_sentences)]);
      g_string_append (s, i % 5 == 4 ? "\n\n" : " ");
    }
  add_take (docs, "large", s);
  ((CheckDoc *) g_ptr_array_index (docs, docs->len - 1))->big = TRUE;
  return docs;
}
