/* Tests of the money plugin: amounts in French and English text, ranges,
 * qualifiers, what is not money, options and data errors. */
#include <tamis/tamis.h>

#include "spans.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct {
  char *text;
  char *value;      /* value_text, or NULL */
  char *min;
  char *max;
  char *currency;
  char *qualifier;
  char *role;
  gboolean inferred;
} Found;

static void
found_free (Found *f)
{
  g_free (f->text);
  g_free (f->value);
  g_free (f->min);
  g_free (f->max);
  g_free (f->currency);
  g_free (f->qualifier);
  g_free (f->role);
  g_free (f);
}

static char *
attr_string (const TamisLayer *layer, guint i, const char *key)
{
  return g_strdup (tamis_layer_get_string (layer, i, key));
}

static TamisPipeline *
pipeline (const char *options)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *yaml = g_strdup_printf ("tamis: 1\nstages:\n  - money: {%s}\n", options);
  TamisPipeline *p = tamis_pipeline_new_from_data (yaml, -1, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

/* runs a pipeline on text (with lang as the document's language when not
 * NULL) and returns what the money layer holds */
static GPtrArray *
run_with (TamisPipeline *p, const char *lang, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisDoc) doc = tamis_doc_new ("t", text, -1, &error);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) found_free);
  const TamisLayer *layer;
  g_autofree TestSpan *spans = NULL;
  guint n;

  g_assert_no_error (error);
  if (lang)
    tamis_doc_set_string (doc, "lang", lang);
  g_assert_true (tamis_pipeline_process (p, doc, &error));
  g_assert_no_error (error);
  layer = tamis_doc_get_layer (doc, "money");
  g_assert_nonnull (layer);
  spans = test_spans (layer, &n);
  for (guint i = 0; i < n; i++)
    {
      Found *f = g_new0 (Found, 1);
      f->text = g_strndup (text + spans[i].start, spans[i].end - spans[i].start);
      f->value = attr_string (layer, i, "value_text");
      f->min = attr_string (layer, i, "min_text");
      f->max = attr_string (layer, i, "max_text");
      f->currency = attr_string (layer, i, "currency");
      f->qualifier = attr_string (layer, i, "qualifier");
      f->role = attr_string (layer, i, "role");
      f->inferred = tamis_layer_get_bool (layer, i, "currency_inferred", FALSE);
      g_ptr_array_add (out, f);
    }
  return out;
}

static GPtrArray *
run (const char *lang, const char *text)
{
  g_autoptr (TamisPipeline) p = pipeline ("");
  return run_with (p, lang, text);
}

/* the one amount found in text: its value (or "min-max") and currency */
static void
assert_one (const char *lang, const char *text, const char *value, const char *currency)
{
  g_autoptr (GPtrArray) found = run (lang, text);
  Found *f;
  g_autofree char *got = NULL;

  if (found->len != 1)
    g_error ("%s: %u amounts found in \"%s\", expected 1", lang, found->len, text);
  f = found->pdata[0];
  got = f->value ? g_strdup (f->value) : g_strdup_printf ("%s-%s", f->min, f->max);
  if (strcmp (got, value) != 0 || g_strcmp0 (f->currency, currency) != 0)
    g_error ("%s: \"%s\" gave %s %s for \"%s\", expected %s %s", lang, text, got,
             f->currency ? f->currency : "(none)", f->text, value, currency ? currency : "(none)");
}

static void
assert_none (const char *lang, const char *text)
{
  g_autoptr (GPtrArray) found = run (lang, text);

  if (found->len != 0)
    g_error ("%s: \"%s\" is not money, yet \"%s\" was found", lang, text,
             ((Found *) found->pdata[0])->text);
}

static void
test_digits_fr (void)
{
  assert_one ("fr", "Le groupe a levé 42 milliards de dollars.", "42000000000", "USD");
  assert_one ("fr", "Un budget de 7,218 millions de dollars.", "7218000", "USD");
  assert_one ("fr", "Un chiffre de 231,5 milliards de dollars.", "231500000000", "USD");
  assert_one ("fr", "Le billet coûte 2 500 € cette année.", "2500", "EUR");
  assert_one ("fr", "Le billet coûte 2\u202f500\u202f€ cette année.", "2500", "EUR");
  assert_one ("fr", "Le billet coûte 2\u00a0500,75 € cette année.", "2500.75", "EUR");
  assert_one ("fr", "Une levée de 4,7 M$ auprès de fonds.", "4700000", "USD");
  assert_one ("fr", "Une levée de 12 Md$ auprès de fonds.", "12000000000", "USD");
  assert_one ("fr", "Une levée de 12 Mds € auprès de fonds.", "12000000000", "EUR");
  assert_one ("fr", "Une prime de 15 k€ par an.", "15000", "EUR");
  assert_one ("fr", "La carte vaut 31.000 $ sur le marché.", "31000", "USD");
  assert_one ("fr", "Il a payé 8,40 $ pour un café.", "8.4", "USD");
  assert_one ("fr", "Le contrat pèse 3 milliards de francs suisses.", "3000000000", "CHF");
  assert_one ("fr", "Les ventes atteignent 90 millions de livres sterling.", "90000000", "GBP");
  assert_one ("fr", "La Banque a prêté 300 millions de yens.", "300000000", "JPY");
  assert_one ("fr", "Ils ont versé 16 millions de dollars canadiens.", "16000000", "CAD");
  assert_one ("fr", "Ils ont versé 16 millions de dollars australiens.", "16000000", "AUD");
  assert_one ("fr", "Ils ont versé 16 millions de dollars américains.", "16000000", "USD");
  assert_one ("fr", "Le fonds gère 4 billions d'euros.", "4000000000000", "EUR");
  assert_one ("fr", "Une amende de 500 000 EUR a été fixée.", "500000", "EUR");
  assert_one ("fr", "Prix : USD 19,99 par mois.", "19.99", "USD");
}

static void
test_digits_en (void)
{
  assert_one ("en", "The fund raised $42 billion last year.", "42000000000", "USD");
  assert_one ("en", "It costs €2,500.75 per seat.", "2500.75", "EUR");
  assert_one ("en", "Revenue reached $7B in the quarter.", "7000000000", "USD");
  assert_one ("en", "Revenue reached $7bn in the quarter.", "7000000000", "USD");
  assert_one ("en", "Revenue reached 7 bn USD in the quarter.", "7000000000", "USD");
  assert_one ("en", "A deal worth USD 4.2m was signed.", "4200000", "USD");
  assert_one ("en", "Losses hit £1.8 billion.", "1800000000", "GBP");
  assert_one ("en", "A bowl of ramen is ¥900 in Osaka.", "900", "JPY");
  assert_one ("en", "The fee is CHF 45 a month.", "45", "CHF");
  assert_one ("en", "She was paid US$ 7 an hour.", "7", "USD");
  assert_one ("en", "He was paid C$ 7 an hour.", "7", "CAD");
  assert_one ("en", "Beans sell for R$ 12 a kilo.", "12", "BRL");
  assert_one ("en", "Tuition is HK$ 90,000 a year.", "90000", "HKD");
  assert_one ("en", "The firm owes 30 million Swiss francs.", "30000000", "CHF");
  assert_one ("en", "It sold 2 billion euros of bonds.", "2000000000", "EUR");
  assert_one ("en", "A coffee is 75 cents here.", "0.75", "USD");
  assert_one ("en", "The stock fell to 310 pence.", "3.1", "GBP");
  assert_one ("en", "Capex was 3 billion in 2024 and $1 trillion later.", "1000000000000", "USD");
}

static void
test_words (void)
{
  assert_one ("fr", "L'État investit soixante-douze millions d'euros.", "72000000", "EUR");
  assert_one ("fr", "Un don de quatre-vingt-dix euros.", "90", "EUR");
  assert_one ("fr", "Il réclame trois milliards de dollars.", "3000000000", "USD");
  assert_one ("fr", "Une aide de 2,5 millions d'euros.", "2500000", "EUR");
  assert_one ("fr", "Un prêt d'un milliard d'euros.", "1000000000", "EUR");
  assert_one ("en", "They offered four billion dollars.", "4000000000", "USD");
  assert_one ("en", "He won a million pounds.", "1000000", "GBP");
  assert_one ("en", "It cost twenty-five dollars.", "25", "USD");
  assert_one ("en", "A grant of half a million euros.", "500000", "EUR");
  assert_one ("en", "It costs three quarters of nothing, or a quarter million dollars.", "250000", "USD");
}

static void
test_ranges (void)
{
  assert_one ("fr", "Le plan prévoit entre 20 et 25 milliards de dollars.", "20000000000-25000000000", "USD");
  assert_one ("fr", "Le plan prévoit 20 à 25 milliards de dollars.", "20000000000-25000000000", "USD");
  assert_one ("fr", "Un coût de 50 millions de dollars à 2 milliards selon lui.", "50000000-2000000000", "USD");
  assert_one ("en", "Capex of $20-25 billion is planned.", "20000000000-25000000000", "USD");
  assert_one ("en", "Capex between 20 and 25 billion euros.", "20000000000-25000000000", "EUR");
  assert_one ("en", "Prices of $10 to $15 are common.", "10-15", "USD");
  assert_one ("en", "Fares range from 30 to 45 euros.", "30-45", "EUR");
  assert_one ("fr", "Le budget prévu était de 9 à 7 milliards d'euros selon les sources.", "7000000000-9000000000", "EUR");
}

static void
test_signs (void)
{
  g_autoptr (GPtrArray) en = NULL;

  assert_one ("fr", "Le résultat net ressort à -3,2 millions d’euros au premier semestre.", "-3200000", "EUR");
  assert_one ("fr", "La filiale affiche −4,5 millions d'euros de résultat.", "-4500000", "EUR");
  assert_one ("fr", "Le résultat d'exploitation : (1,2) million d’euros, contre un bénéfice.", "-1200000", "EUR");
  assert_one ("fr", "Le flux de trésorerie est de (25 M€) sur l'exercice.", "25000000", "EUR");
  assert_one ("en", "The unit posted −$450m in operating income.", "-450000000", "USD");
  assert_one ("en", "Free cash flow was -$1.3 billion for the year.", "-1300000000", "USD");
  assert_one ("en", "Operating loss: ($450m), after charges.", "-450000000", "USD");
  assert_one ("en", "Net result of (2.1) million euros for the period.", "-2100000", "EUR");
  /* hyphens and range dashes are no signs */
  assert_one ("fr", "Pour la saison 2020-2021, le club a perdu 5-6 milliards d'euros.", "5000000000-6000000000", "EUR");
  assert_one ("en", "In 2020-2021 the club lost $5-6 billion.", "5000000000-6000000000", "USD");
  assert_one ("en", "Tickets cost 10 euros - 20 euros each.", "10-20", "EUR");
  assert_one ("fr", "Un don (17 millions d'euros) voté hier.", "17000000", "EUR");
  /* the text is kept as written */
  en = run ("en", "Cash fell to −$450m.");
  g_assert_cmpuint (en->len, ==, 1);
  g_assert_cmpstr (((Found *) en->pdata[0])->text, ==, "−$450m");
}

/* the two amounts of a change of value: first (with its role), then "to" */
static void
assert_change (const char *lang, const char *text, const char *first, const char *role,
               const char *to, const char *currency)
{
  g_autoptr (GPtrArray) found = run (lang, text);
  Found *a, *b;

  if (found->len != 2)
    g_error ("%s: %u amounts found in \"%s\", expected 2", lang, found->len, text);
  a = found->pdata[0];
  b = found->pdata[1];
  if (g_strcmp0 (a->value, first) != 0 || g_strcmp0 (a->role, role) != 0
      || g_strcmp0 (b->value, to) != 0 || g_strcmp0 (b->role, "to") != 0
      || g_strcmp0 (a->currency, currency) != 0 || g_strcmp0 (b->currency, currency) != 0)
    g_error ("%s: \"%s\" gave %s (%s, %s) and %s (%s, %s)", lang, text, a->value, a->role,
             a->currency, b->value, b->role, b->currency);
}

static void
test_changes (void)
{
  assert_change ("fr", "Le budget est passé de 9 à 7 milliards d'euros.", "9000000000", "from",
                 "7000000000", "EUR");
  assert_change ("fr", "Les ventes ont grimpé de 3,1 milliards d'euros à 4 milliards d'euros.",
                 "3100000000", "from", "4000000000", "EUR");
  assert_change ("fr", "L'action a chuté de 5 dollars à 120 dollars mardi.", "5", "by", "120", "USD");
  assert_change ("fr", "Les ventes ont augmenté de 3 milliards d'euros à 45 milliards d'euros.",
                 "3000000000", "by", "45000000000", "EUR");
  assert_change ("fr", "Le bénéfice a bondi de 2 à 10 milliards de dollars.", "2000000000", "from",
                 "10000000000", "USD");
  assert_change ("fr", "Le groupe a relevé sa prévision de 60 à 65 milliards de dollars.",
                 "60000000000", "from", "65000000000", "USD");
  assert_change ("en", "Revenue rose from $3 billion to $4.5 billion last year.", "3000000000", "from",
                 "4500000000", "USD");
  assert_change ("en", "The firm cut its forecast from 12 to 10 billion euros.", "12000000000", "from",
                 "10000000000", "EUR");
  assert_change ("en", "The shares fell $3 to $187.50 on Monday.", "3", "by", "187.5", "USD");
  assert_change ("en", "The stock rose fifty cents to $22.30 at the close.", "0.5", "by", "22.3", "USD");
  assert_change ("en", "Rent climbed by $150 to $2,100 a month.", "150", "by", "2100", "USD");
  /* how much it fell, a range */
  assert_one ("fr", "Les recettes ont diminué de 1 à 2 milliards d'euros selon les scénarios.",
              "1000000000-2000000000", "EUR");
  /* without a verb of change, still a range */
  assert_one ("fr", "Meta prévoit des dépenses entre 114 et 119 milliards de dollars.",
              "114000000000-119000000000", "USD");
  assert_one ("fr", "Meta envisage d'investir entre 60 et 65 milliards de dollars cette année.",
              "60000000000-65000000000", "USD");
  assert_one ("fr", "Une fourchette de 60 à 65 milliards de dollars est annoncée.",
              "60000000000-65000000000", "USD");
  assert_one ("en", "Analysts expect between $60 billion and $65 billion.", "60000000000-65000000000", "USD");
  assert_one ("en", "Fares go from 30 to 45 euros in summer.", "30-45", "EUR");
}

static void
test_indian (void)
{
  assert_one ("en", "The government set aside ₹2 lakh crore for roads.", "2000000000000", "INR");
  assert_one ("en", "Exports reached 2.5 lakh crore rupees this year.", "2500000000000", "INR");
  assert_one ("en", "The studio spent Rs 500 crore on the film.", "5000000000", "INR");
  assert_one ("en", "He paid 35 lakh rupees for the flat.", "3500000", "INR");
  assert_one ("fr", "New Delhi consacre ₹2 lakh crore aux routes.", "2000000000000", "INR");
  assert_one ("fr", "Le film a coûté 500 crore de roupies.", "5000000000", "INR");
}

static void
test_spaced_symbols (void)
{
  assert_one ("fr", "Le billet coûte 5 $ CA à Montréal.", "5", "CAD");
  assert_one ("fr", "Un salaire de 48 000 $ US par an.", "48000", "USD");
  assert_one ("fr", "Ottawa accorde 12 millions $ CA à la ville.", "12000000", "CAD");
  assert_one ("fr", "Québec annonce un plan de 250 G$ sur dix ans.", "250000000000", "CAD");
  assert_one ("fr", "Le billet coûte CA$ 5 à Montréal.", "5", "CAD");
  assert_one ("fr", "Un salaire de US$ 48,000 par an.", "48000", "USD");
  assert_one ("fr", "Une subvention de 40 k$ pour l'entreprise.", "40000", "USD");
  assert_one ("en", "The ticket is 5 $ CA in Montreal.", "5", "CAD");
  assert_one ("en", "A salary of 48,000 $ US a year.", "48000", "USD");
  assert_one ("en", "The ticket is CA$ 5 in Montreal.", "5", "CAD");
  assert_one ("en", "A salary of US$ 48,000 a year.", "48000", "USD");
}

static void
test_halves (void)
{
  assert_one ("fr", "L'usine a coûté deux milliards et demi d’euros.", "2500000000", "EUR");
  assert_one ("fr", "Il a reçu un million et demi d'euros en prime.", "1500000", "EUR");
  assert_one ("fr", "Un contrat de 3 millions et demi de dollars.", "3500000", "USD");
  assert_one ("en", "The plant cost two and a half billion dollars.", "2500000000", "USD");
  assert_one ("en", "She got one and a half million euros.", "1500000", "EUR");
  assert_one ("en", "The deal is worth a billion and a half dollars.", "1500000000", "USD");
}

static void
assert_carried (const char *lang, const char *text, const char *value, const char *currency)
{
  g_autoptr (GPtrArray) found = run (lang, text);
  Found *a, *b;

  if (found->len != 2)
    g_error ("%s: %u amounts found in \"%s\", expected 2", lang, found->len, text);
  a = found->pdata[0];
  b = found->pdata[1];
  g_assert_false (a->inferred);
  if (!b->inferred || g_strcmp0 (b->value, value) != 0 || g_strcmp0 (b->currency, currency) != 0)
    g_error ("%s: \"%s\" gave %s %s (inferred: %d)", lang, text, b->value, b->currency, b->inferred);
}

static void
test_carried_currency (void)
{
  assert_carried ("fr", "Le chiffre d'affaires atteint 14 milliards d’euros, contre 9,4 milliards un an plus tôt.",
                  "9400000000", "EUR");
  assert_carried ("fr", "Le loyer passe à 950 €, contre 870 l'an dernier.", "870", "EUR");
  assert_carried ("en", "Revenue was $14bn, up from 9.4 billion a year earlier.", "9400000000", "USD");
  assert_carried ("en", "Sales hit £3.2m, compared with 2.9m in 2023.", "2900000", "GBP");
  /* a count of something else, a new sentence, or a bare number: no money */
  assert_one ("fr", "Le projet coûte 5 milliards de dollars pour 1, 3 million de GPU.", "5000000000", "USD");
  assert_one ("fr", "Il coûte 5 milliards de dollars. L'an dernier, 3 milliards seulement.", "5000000000", "USD");
  assert_one ("fr", "Il coûte 5 milliards de dollars et emploie 300 personnes.", "5000000000", "USD");
  assert_one ("en", "It costs $5 billion for 1.3 million GPUs.", "5000000000", "USD");
  assert_one ("en", "It costs $5 billion and employs 300 people.", "5000000000", "USD");
  assert_one ("en", "It costs $5 billion. Last year, 3 billion.", "5000000000", "USD");
  assert_one ("en", "Tesla earned $3bn, versus 2.1 in 2023.", "3000000000", "USD");
}

static void
test_unknown_language (void)
{
  /* no rules for the document's language: money reads the text itself */
  g_autoptr (TamisPipeline) p = pipeline ("");
  const char *const langs[] = { "az", "und", NULL };

  for (guint k = 0; k < G_N_ELEMENTS (langs); k++)
    {
      g_autoptr (GPtrArray) a = run_with (p, langs[k], "The prize was $10,000.");
      g_autoptr (GPtrArray) b = run_with (p, langs[k], "ten dollars");
      g_autoptr (GPtrArray) c = run_with (p, langs[k], "$10,000");
      g_autoptr (GPtrArray) d = run_with (p, langs[k], "Le prix est de 1,5 million d'euros.");
      g_autoptr (GPtrArray) e = run_with (p, langs[k], "5 lakh rupees");

      g_assert_cmpuint (a->len, ==, 1);
      g_assert_cmpstr (((Found *) a->pdata[0])->value, ==, "10000");
      g_assert_cmpuint (b->len, ==, 1);
      g_assert_cmpstr (((Found *) b->pdata[0])->value, ==, "10");
      g_assert_cmpuint (c->len, ==, 1);
      g_assert_cmpstr (((Found *) c->pdata[0])->value, ==, "10000");
      g_assert_cmpuint (d->len, ==, 1);
      g_assert_cmpstr (((Found *) d->pdata[0])->value, ==, "1500000");
      g_assert_cmpuint (e->len, ==, 1);
      g_assert_cmpstr (((Found *) e->pdata[0])->value, ==, "500000");
    }
}

static void
test_qualifiers (void)
{
  g_autoptr (GPtrArray) fr = run ("fr", "Il dépensera plus de 40 milliards de dollars, environ 3 M€ "
                                  "et jusqu'à 900 millions de dollars.");
  g_autoptr (GPtrArray) en = run ("en", "More than $40 billion, about €3 million and up to $900 million.");
  g_autoptr (TamisPipeline) p = pipeline ("qualifiers: false");
  g_autoptr (GPtrArray) off = run_with (p, "fr", "Il dépensera plus de 40 milliards de dollars.");
  Found *f;

  g_assert_cmpuint (fr->len, ==, 3);
  f = fr->pdata[0];
  g_assert_cmpstr (f->text, ==, "plus de 40 milliards de dollars");
  g_assert_cmpstr (f->qualifier, ==, "over");
  g_assert_cmpstr (f->min, ==, "40000000000");
  f = fr->pdata[1];
  g_assert_cmpstr (f->qualifier, ==, "approx");
  g_assert_cmpstr (f->value, ==, "3000000");
  f = fr->pdata[2];
  g_assert_cmpstr (f->qualifier, ==, "under");
  g_assert_cmpstr (f->max, ==, "900000000");

  g_assert_cmpuint (en->len, ==, 3);
  g_assert_cmpstr (((Found *) en->pdata[0])->qualifier, ==, "over");
  g_assert_cmpstr (((Found *) en->pdata[1])->qualifier, ==, "approx");
  g_assert_cmpstr (((Found *) en->pdata[2])->qualifier, ==, "under");

  g_assert_cmpuint (off->len, ==, 1);
  f = off->pdata[0];
  g_assert_cmpstr (f->text, ==, "40 milliards de dollars");
  g_assert_null (f->qualifier);
  g_assert_null (f->min);
}

static void
test_scale_by_language (void)
{
  /* billion: 10^12 in French, 10^9 in English */
  assert_one ("fr", "La dette atteint 3 billions de dollars.", "3000000000000", "USD");
  assert_one ("en", "The debt reached 3 billion dollars.", "3000000000", "USD");
  /* the document's language decides the decimal mark */
  assert_one ("fr", "Il coûte 1,250 $.", "1.25", "USD");
  assert_one ("en", "It costs $1,250.", "1250", "USD");
}

static void
test_messy (void)
{
  assert_one ("fr", "Il a investi 2, 4 millions de dollars dans la société.", "2400000", "USD");
  assert_one ("fr", "Il a investi 48\nmilliards de dollars.", "48000000000", "USD");
  assert_one ("fr", "Un budget (17 millions d'euros) voté hier.", "17000000", "EUR");
  assert_one ("fr", "Un budget « de 17 millions d'euros » voté hier.", "17000000", "EUR");
  assert_one ("en", "The deal (\"$12 million\") closed.", "12000000", "USD");
}

static void
test_not_money (void)
{
  assert_none ("fr", "Le centre utilisera 1,8 million de GPU.");
  assert_none ("fr", "Un site de 3 gigawatts près de la ville.");
  assert_none ("fr", "Une hausse de 12 % sur un an.");
  assert_none ("fr", "Il supprime 8 % de son personnel.");
  assert_none ("fr", "En 2026, le groupe a changé de stratégie.");
  assert_none ("fr", "Le modèle Llama 3 devance Mistral 7.");
  assert_none ("fr", "Au Q3 et au T4, la marge a progressé.");
  assert_none ("fr", "Appelez le 01 45 67 89 12 avant le 15/03/2026.");
  assert_none ("fr", "La version 2.4.1 sort le 3 mars à 10:30.");
  assert_none ("en", "The cluster uses 1.8 million GPUs and 3 gigawatts.");
  assert_none ("en", "Shares rose 12% in Q3 and 4% in 2024.");
  assert_none ("en", "Call 555 0199 or see version 3.2.1.");
  assert_none ("en", "All 70 of us tried it 5 times.");
  assert_none ("en", "Hundreds of dollars and millions of euros were lost.");
  assert_none ("en", "Analysts see a silver lining, and gold rose.");
  assert_none ("fr", "Une médaille d'or et un lingot d'argent.");
}

static void
test_dollar_currency (void)
{
  g_autoptr (TamisPipeline) p = pipeline ("dollar_currency: CAD");
  g_autoptr (GPtrArray) found = run_with (p, "fr", "Il a payé 5 $ et 7 dollars US.");

  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (((Found *) found->pdata[0])->currency, ==, "CAD");
  g_assert_cmpstr (((Found *) found->pdata[1])->currency, ==, "USD");
}

static void
test_min_value (void)
{
  g_autoptr (TamisPipeline) p = pipeline ("min_value: 1000");
  g_autoptr (GPtrArray) found = run_with (p, "en", "A $5 fee on a $2 million loan.");

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((Found *) found->pdata[0])->value, ==, "2000000");
}

/* the one amount of text read by the default stage from a document whose
 * langid answer was lang with score lang_score: "value currency", or "" */
static char *
read_scored (const char *lang, double lang_score, const char *text)
{
  g_autoptr (TamisPipeline) p = pipeline ("");
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisDoc) doc = tamis_doc_new ("t", text, -1, &error);
  const TamisLayer *layer;

  tamis_doc_set_string (doc, "lang", lang);
  tamis_doc_set_double (doc, "lang_score", lang_score);
  g_assert_true (tamis_pipeline_process (p, doc, &error));
  g_assert_no_error (error);
  layer = tamis_doc_get_layer (doc, "money");
  if (tamis_layer_get_n_spans (layer) == 0)
    return g_strdup ("");
  g_assert_cmpuint (tamis_layer_get_n_spans (layer), ==, 1);
  return g_strdup_printf ("%s %s", tamis_layer_get_string (layer, 0, "value_text"),
                          tamis_layer_get_string (layer, 0, "currency"));
}

static void
test_lang_hint (void)
{
  /* no clue of either language: each language's rules read the text and
   * the reading that covers more wins ("a" is a number in English only) */
  assert_one ("und", "a dollar", "1", "USD");
  assert_one (NULL, "20 dollar 43c", "20.43", "USD");
  assert_one ("und", "20€", "20", "EUR");
  assert_one ("az", "10 000,00 $", "10000", "USD");

  /* an unsure langid answer is a hint only: the words decide */
  static const struct { const char *lang; double score; const char *text, *expected; } cases[] = {
    { "en", 0.45, "dix dollars", "10 USD" },
    { "fr", 0.29, "ten pennies", "0.1 USD" },
    /* a sure one is followed, even where the text disagrees */
    { "en", 0.98, "dix dollars", "" },
    { "fr", 0.99, "Il a levé 3 milliards d'euros.", "3000000000 EUR" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = read_scored (cases[i].lang, cases[i].score, cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_languages_option (void)
{
  /* no lang attribute: the language is guessed, or given by the options */
  g_autoptr (TamisPipeline) guess = pipeline ("");
  g_autoptr (TamisPipeline) en = pipeline ("languages: [en]");
  g_autoptr (TamisPipeline) fr = pipeline ("default_language: fr");
  const char *text = "Le groupe et la banque ont prêté 2 billion dollars.";
  g_autoptr (GPtrArray) a = run_with (guess, NULL, text);
  g_autoptr (GPtrArray) b = run_with (en, "fr", text);
  g_autoptr (GPtrArray) c = run_with (fr, NULL, "Il a 2 billions de dollars.");

  g_assert_cmpuint (a->len, ==, 1);
  g_assert_cmpstr (((Found *) a->pdata[0])->value, ==, "2000000000000");
  g_assert_cmpuint (b->len, ==, 1);
  g_assert_cmpstr (((Found *) b->pdata[0])->value, ==, "2000000000");
  g_assert_cmpuint (c->len, ==, 1);
  g_assert_cmpstr (((Found *) c->pdata[0])->value, ==, "2000000000000");
}

static void
assert_config_error (const char *options, const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *yaml = g_strdup_printf ("tamis: 1\nstages:\n  - money: {%s}\n", options);
  g_autoptr (TamisPipeline) p = tamis_pipeline_new_from_data (yaml, -1, NULL, NULL, &error);

  g_assert_null (p);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
  if (!strstr (error->message, needle))
    g_error ("expected \"%s\" in: %s", needle, error->message);
}

static void
test_bad_options (void)
{
  assert_config_error ("dollar_currency: XYZ", "XYZ");
  assert_config_error ("dollar_currency: [USD]", "dollar_currency");
  assert_config_error ("languages: [fr, de]", "de");
  assert_config_error ("languages: {fr: 1}", "languages");
  assert_config_error ("default_language: de", "de");
  assert_config_error ("min_value: lots", "min_value");
  assert_config_error ("min_value: -5", "min_value");
  assert_config_error ("qualifiers: maybe", "qualifiers");
  assert_config_error ("currency: USD", "currency");
}

static void
test_bad_data (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-money-XXXXXX", &error);
  g_autofree char *sub = g_build_filename (dir, "money", NULL);
  g_autofree char *file = g_build_filename (sub, "common.txt", NULL);
  g_autofree char *old = g_strdup (g_getenv ("TAMIS_DATA_PATH"));
  TamisPipeline *p;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "symbol\t$\tNOPE\n", -1, &error));
  g_setenv ("TAMIS_DATA_PATH", dir, TRUE);
  p = tamis_pipeline_new_from_data ("tamis: 1\nstages:\n  - money\n", -1, NULL, NULL, &error);
  if (old)
    g_setenv ("TAMIS_DATA_PATH", old, TRUE);
  else
    g_unsetenv ("TAMIS_DATA_PATH");
  g_assert_null (p);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "common.txt:1"));
  g_assert_nonnull (strstr (error->message, "NOPE"));
  g_remove (file);
  g_rmdir (sub);
  g_rmdir (dir);
}

static gboolean
has_amount (GPtrArray *found, const char *value, const char *min, const char *max)
{
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = found->pdata[i];
      if (g_strcmp0 (f->currency, "USD") == 0
          && (value ? g_strcmp0 (f->value, value) == 0
                    : g_strcmp0 (f->min, min) == 0 && g_strcmp0 (f->max, max) == 0))
        return TRUE;
    }
  return FALSE;
}

static void
test_seeds (void)
{
  const char *srcdir = g_getenv ("TAMIS_SRCDIR");
  g_autofree char *seeds = g_build_filename (srcdir ? srcdir : ".", "..", "shared", "corpus", "seeds", NULL);
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) found_free);
  g_autoptr (TamisPipeline) p = NULL;
  g_autoptr (GDir) dir = g_dir_open (seeds, 0, NULL);
  const char *name;

  if (!dir)
    {
      g_test_skip ("no ../shared/corpus/seeds");
      return;
    }
  p = pipeline ("");
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (seeds, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr (GPtrArray) found = NULL;

      if (!g_str_has_suffix (name, ".txt") || !g_file_get_contents (path, &text, NULL, NULL))
        continue;
      found = run_with (p, NULL, text);
      while (found->len)
        g_ptr_array_add (all, g_ptr_array_steal_index (found, 0));
    }
  g_assert_true (has_amount (all, NULL, "60000000000", "65000000000"));
  g_assert_true (has_amount (all, NULL, "114000000000", "119000000000"));
  g_assert_true (has_amount (all, "5576000", NULL, NULL));
  g_assert_true (has_amount (all, "600000000000", NULL, NULL));
  g_assert_true (has_amount (all, "80000000000", NULL, NULL));
  for (guint i = 0; i < all->len; i++)
    {
      Found *f = all->pdata[i];
      g_assert_null (strstr (f->text, "GPU"));
      g_assert_cmpstr (f->value, !=, "1300000");
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money/digits/fr", test_digits_fr);
  g_test_add_func ("/money/digits/en", test_digits_en);
  g_test_add_func ("/money/words", test_words);
  g_test_add_func ("/money/ranges", test_ranges);
  g_test_add_func ("/money/signs", test_signs);
  g_test_add_func ("/money/changes", test_changes);
  g_test_add_func ("/money/indian", test_indian);
  g_test_add_func ("/money/spaced-symbols", test_spaced_symbols);
  g_test_add_func ("/money/halves", test_halves);
  g_test_add_func ("/money/carried-currency", test_carried_currency);
  g_test_add_func ("/money/options/unknown-language", test_unknown_language);
  g_test_add_func ("/money/qualifiers", test_qualifiers);
  g_test_add_func ("/money/scale-by-language", test_scale_by_language);
  g_test_add_func ("/money/messy", test_messy);
  g_test_add_func ("/money/not-money", test_not_money);
  g_test_add_func ("/money/options/dollar-currency", test_dollar_currency);
  g_test_add_func ("/money/options/min-value", test_min_value);
  g_test_add_func ("/money/options/languages", test_languages_option);
  g_test_add_func ("/money/options/lang-hint", test_lang_hint);
  g_test_add_func ("/money/options/bad", test_bad_options);
  g_test_add_func ("/money/bad-data", test_bad_data);
  g_test_add_func ("/money/seeds", test_seeds);
  return g_test_run ();
}
