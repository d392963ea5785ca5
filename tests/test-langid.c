/* Tests of the langid plugin: every language on a sentence of its own, the
 * pairs detectors confuse, undetermined text, options and their errors. */
#include <tamis/tamis.h>

#include "spans.h"

#include <string.h>
#include <glib/gstdio.h>

typedef struct {
  const char *lang;
  const char *text;
} Sample;

/* One everyday sentence per language of the model. */
static const Sample samples[] = {
  { "af", "Die weer is vandag baie mooi en ons gaan more saam met die kinders see toe." },
  { "am", "ዛሬ የአየር ሁኔታው በጣም ጥሩ ነው።" },
  { "ar", "الطقس جميل اليوم في المدينة، وسنذهب إلى السوق في المساء." },
  { "az", "Bu gün hava çox gözəldir və biz axşam parka gedəcəyik." },
  { "be", "Сёння ў горадзе ішоў дождж, і мы засталіся дома." },
  { "bg", "Днес времето в София е слънчево, а утре ще вали дъжд." },
  { "bn", "আজ আবহাওয়া খুব ভালো, আমরা বিকেলে বাজারে যাব।" },
  { "ca", "Avui fa molt bon temps i anirem a la platja amb els amics." },
  { "cs", "Dnes je v Praze krásné počasí, a proto půjdeme odpoledne k řece." },
  { "cy", "Mae'r tywydd yn braf heddiw ac rydyn ni'n mynd i'r traeth gyda'r plant." },
  { "da", "Vejret er dejligt i dag, og vi skal i biografen i aften." },
  { "de", "Heute ist das Wetter schön, und wir gehen am Nachmittag spazieren." },
  { "el", "Σήμερα ο καιρός είναι πολύ ωραίος στην Αθήνα." },
  { "en", "The weather is lovely today, so we are going for a walk in the park." },
  { "eo", "Hodiaŭ la vetero estas tre bela, kaj ni iros al la parko." },
  { "es", "Hoy hace muy buen tiempo y vamos a pasear por el parque con los niños." },
  { "et", "Täna on ilus ilm ja me läheme pärastlõunal randa." },
  { "eu", "Gaur eguraldi ona dago eta arratsaldean hondartzara joango gara." },
  { "fa", "امروز هوا خیلی خوب است و ما عصر به پارک می‌رویم." },
  { "fi", "Tänään on kaunis sää, ja menemme iltapäivällä uimarannalle." },
  { "fr", "Il fait très beau aujourd'hui et nous allons nous promener au bord de la rivière." },
  { "ga", "Tá an aimsir go hálainn inniu agus rachaimid go dtí an trá." },
  { "gl", "Hoxe vai moi bo tempo e imos pasear pola praia coa familia." },
  { "gu", "આજે હવામાન ખૂબ સરસ છે." },
  { "he", "היום מזג האוויר נעים מאוד ואנחנו הולכים לים." },
  { "hi", "आज मौसम बहुत अच्छा है और हम शाम को बाज़ार जाएंगे।" },
  { "hr", "Danas je lijepo vrijeme pa ćemo poslijepodne otići na more." },
  { "hu", "Ma nagyon szép idő van, ezért délután elmegyünk sétálni." },
  { "hy", "Այսօր եղանակը շատ լավ է։" },
  { "id", "Hari ini cuacanya cerah sekali, jadi kami mau naik mobil ke pantai bersama teman-teman kantor." },
  { "is", "Veðrið er mjög gott í dag og við förum í sund." },
  { "it", "Oggi il tempo è bellissimo e nel pomeriggio andremo al mare." },
  { "ja", "今日はとても良い天気なので、公園を散歩しました。" },
  { "ka", "დღეს ამინდი ძალიან კარგია." },
  { "kk", "Бүгін ауа райы өте жақсы, біз саябаққа барамыз." },
  { "km", "ថ្ងៃនេះអាកាសធាតុល្អណាស់។" },
  { "kn", "ಇಂದು ಹವಾಮಾನ ತುಂಬಾ ಚೆನ್ನಾಗಿದೆ." },
  { "ko", "오늘은 날씨가 아주 좋아서 공원에 산책하러 갑니다." },
  { "lt", "Šiandien oras labai gražus, todėl eisime pasivaikščioti į parką." },
  { "lv", "Šodien ir ļoti jauks laiks, tāpēc mēs iesim uz parku." },
  { "mk", "Денес времето во Скопје е многу убаво и ќе одиме на прошетка." },
  { "ml", "ഇന്ന് കാലാവസ്ഥ വളരെ നല്ലതാണ്." },
  { "mn", "Өнөөдөр цаг агаар маш сайхан байна." },
  { "mr", "आज हवामान खूप छान आहे आणि आम्ही संध्याकाळी बाजारात जाणार आहोत." },
  { "ms", "Saya tidak dapat membuka fail ini kerana kata laluan yang diberikan salah." },
  { "ne", "आज मौसम धेरै राम्रो छ र हामी बेलुका बजार जाँदैछौं।" },
  { "nl", "Het weer is vandaag prachtig, dus we gaan fietsen in het park." },
  { "no", "Været er fint i dag, så vi skal gå en tur i skogen etter middag." },
  { "pa", "ਅੱਜ ਮੌਸਮ ਬਹੁਤ ਵਧੀਆ ਹੈ।" },
  { "pl", "Dzisiaj jest piękna pogoda, więc pójdziemy na spacer do parku." },
  { "pt", "Hoje o tempo está ótimo e vamos passear na praia com as crianças." },
  { "ro", "Astăzi vremea este foarte frumoasă și vom merge în parc." },
  { "ru", "Сегодня в Москве тёплая погода, и мы пойдём гулять в парк." },
  { "si", "අද කාලගුණය ඉතා හොඳයි." },
  { "sk", "Dnes je pekné počasie, a preto pôjdeme poobede do parku." },
  { "sl", "Danes je lepo vreme, zato bomo popoldne šli na sprehod." },
  { "sq", "Sot moti është shumë i bukur dhe do të shkojmë në plazh." },
  { "sr", "Данас је лепо време, па ћемо поподне отићи у шетњу." },
  { "sv", "Vädret är fint idag och vi ska gå till stranden efter lunch." },
  { "sw", "Leo hali ya hewa ni nzuri sana, na tutakwenda sokoni jioni." },
  { "ta", "இன்று வானிலை மிகவும் நன்றாக உள்ளது." },
  { "te", "ఈరోజు వాతావరణం చాలా బాగుంది." },
  { "th", "วันนี้อากาศดีมาก เราจะไปเดินเล่นที่สวนสาธารณะ" },
  { "tl", "Maganda ang panahon ngayon kaya pupunta kami sa dagat mamaya." },
  { "tr", "Bugün hava çok güzel, bu yüzden öğleden sonra parka gideceğiz." },
  { "uk", "Сьогодні в Києві гарна погода, і ми підемо гуляти до парку." },
  { "ur", "آج موسم بہت اچھا ہے اور ہم شام کو بازار جائیں گے۔" },
  { "vi", "Hôm nay trời rất đẹp nên chúng tôi sẽ đi dạo trong công viên." },
  { "zh", "今天天气很好，我们下午去公园散步。" },
};

/* The same thing said in languages that are easy to mix up. */
static const Sample pairs[] = {
  { "hr", "Tko zna što će se dogoditi sljedeći tjedan u Zagrebu." },
  { "sr", "Ko zna šta će se desiti sledeće nedelje u Beogradu." },
  { "sr", "Не знам шта жели да купи, али то кошта много новца." },
  { "sl", "Ne vem, kaj želi kupiti, ampak to stane veliko denarja." },
  { "id", "Saya tidak bisa membuka berkas ini karena kata sandinya salah." },
  { "ms", "Saya tidak dapat membuka fail ini kerana kata laluan salah." },
  { "no", "Jeg vet ikke hva han vil kjøpe, men det koster mye penger." },
  { "da", "Jeg ved ikke hvad han vil købe, men det koster mange penge." },
  { "sv", "Jag vet inte vad han vill köpa, men det kostar mycket pengar." },
  { "es", "No sé qué quiere comprar, pero cuesta mucho dinero." },
  { "gl", "Non sei que quere mercar, pero custa moito diñeiro." },
  { "pt", "Não sei o que ele quer comprar, mas custa muito dinheiro." },
  { "cs", "Nevím, co chce koupit, ale stojí to hodně peněz." },
  { "sk", "Neviem, čo chce kúpiť, ale stojí to veľa peňazí." },
  { "ru", "Я не знаю, что он хочет купить, но это стоит много денег." },
  { "uk", "Я не знаю, що він хоче купити, але це коштує багато грошей." },
  { "bg", "Не знам какво иска да купи, но това струва много пари." },
  { "mk", "Не знам што сака да купи, но тоа чини многу пари." },
  { "be", "Я не ведаю, што ён хоча купіць, але гэта каштуе шмат грошай." },
  { "ar", "لا أعرف ماذا يريد أن يشتري، لكنه يكلف الكثير من المال." },
  { "fa", "نمی‌دانم او چه می‌خواهد بخرد، اما خیلی گران است." },
  { "ur", "مجھے نہیں معلوم کہ وہ کیا خریدنا چاہتا ہے، لیکن یہ بہت مہنگا ہے۔" },
  { "hi", "मुझे नहीं पता कि वह क्या खरीदना चाहता है, लेकिन यह बहुत महंगा है।" },
  { "mr", "त्याला काय विकत घ्यायचे आहे ते मला माहीत नाही, पण ते खूप महाग आहे." },
  { "zh", "我不知道他想买什么，但是这很贵。" },
  { "ja", "彼が何を買いたいのか分かりませんが、とても高いです。" },
};

static TamisPipeline *
pipeline (const char *options, GError **error)
{
  g_autofree char *yaml = g_strdup_printf ("tamis: 1\nstages:\n  - langid%s%s\n",
                                           options ? ": " : "", options ? options : "");
  return tamis_pipeline_new_from_data (yaml, -1, NULL, NULL, error);
}

static TamisPipeline *default_pipeline;

static TamisDoc *
detect (TamisPipeline *p, const char *text)
{
  g_autoptr(GError) error = NULL;
  TamisDoc *doc = tamis_doc_new ("t", text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (tamis_pipeline_process (p, doc, &error));
  g_assert_no_error (error);
  return doc;
}

static void
check_samples (const Sample *s, guint n)
{
  guint wrong = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TamisDoc) doc = detect (default_pipeline, s[i].text);
      const char *got = tamis_doc_get_string (doc, "lang");
      if (g_strcmp0 (got, s[i].lang) != 0)
        {
          g_test_message ("expected %s, got %s: %s", s[i].lang, got, s[i].text);
          wrong++;
        }
    }
  g_assert_cmpuint (wrong, ==, 0);
}

static void
test_every_language (void)
{
  check_samples (samples, G_N_ELEMENTS (samples));
}

/* Short messages of close pairs, where one word tells them apart. */
static const Sample short_pairs[] = {
  { "hr", "Tko je uzeo moju knjigu?" },
  { "hr", "Vrijeme je za ručak, idemo u grad." },
  { "sr", "Vreme je za ručak, idemo u grad." },
  { "id", "Uang saya hilang." },
  { "ms", "Wang saya hilang." },
  { "no", "Lagre filen nå" },
  { "da", "Gem filen nu" },
  { "cs", "Uložit soubor" },
  { "sk", "Uložiť súbor" },
  { "pt", "Guardar o arquivo" },
  { "gl", "Gardar o ficheiro" },
};

/* A pipeline whose langid reads @table as its pairs table (from a
 * TAMIS_DATA_PATH of its own; the model is still the shipped one). */
static TamisPipeline *
pipeline_with_pairs (const char *table, GError **error)
{
  g_autofree char *dir = g_dir_make_tmp ("tamis-pairs-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "langid", NULL);
  g_autofree char *path = g_build_filename (sub, "pairs.tsv", NULL);
  g_autofree char *old = g_strdup (g_getenv ("TAMIS_DATA_PATH"));
  TamisPipeline *p;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, table, -1, NULL));
  g_setenv ("TAMIS_DATA_PATH", dir, TRUE);
  p = pipeline (NULL, error);
  if (old)
    g_setenv ("TAMIS_DATA_PATH", old, TRUE);
  else
    g_unsetenv ("TAMIS_DATA_PATH");
  g_remove (path);
  g_remove (sub);
  g_remove (dir);
  return p;
}

static void
test_pairs_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisPipeline) bad = pipeline_with_pairs ("# a table\n@ hr sr\nvrijeme\t300\nvreme 300\n", &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "pairs.tsv:4: not a line of a pairs table"));
  g_clear_error (&error);

  /* Thousands of words grow the table; the Croatian sentence below reads
   * as Serbian once its words say so. */
  g_autoptr(GString) table = g_string_new ("@ hr sr\nvrijeme\t-5\n");
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (table, "w%u\t%d\n", i, i % 2 ? 10 : -10);
  g_string_append (table, "@ id ms\nkarena\t80\n");
  const char *text = "Danas je lijepo vrijeme";
  g_autoptr(TamisPipeline) plain = pipeline_with_pairs (table->str, &error);
  g_assert_no_error (error);
  g_autoptr(TamisDoc) before = detect (plain, text);
  g_assert_cmpstr (tamis_doc_get_string (before, "lang"), ==, "hr");
  /* the first table of a pair is the one read, and in it the last line
   * of a word */
  g_string_append (table, "@ hr sr\nlijepo\t100000\n@ hr sr\n");
  g_string_replace (table, "vrijeme\t-5\n", "vrijeme\t-5\nvrijeme\t-100000\n", 1);
  g_autoptr(TamisPipeline) turned = pipeline_with_pairs (table->str, &error);
  g_assert_no_error (error);
  g_autoptr(TamisDoc) after = detect (turned, text);
  g_assert_cmpstr (tamis_doc_get_string (after, "lang"), ==, "sr");
}

static void
test_close_pairs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisPipeline) off = pipeline ("{pairs: false}", &error);
  g_autoptr(TamisDoc) doc = NULL;
  const char *alts;
  TamisValue v;

  check_samples (pairs, G_N_ELEMENTS (pairs));
  check_samples (short_pairs, G_N_ELEMENTS (short_pairs));

  /* "tko" is Croatian ("ko" in Serbian): the word overrules the n-grams,
   * and the runner-up keeps its place in the alternatives */
  doc = detect (default_pipeline, "Tko je uzeo moju knjigu?");
  g_assert_cmpstr (tamis_doc_get_string (doc, "lang"), ==, "hr");
  g_assert_true (tamis_doc_get_attr (doc, "lang_alternatives", &v));
  alts = v.s;
  g_assert_nonnull (alts);
  g_assert_nonnull (strstr (alts, "{\"lang\":\"hr\""));
  g_assert_true (strstr (alts, "\"hr\"") < strstr (alts, "\"sr\""));
  g_assert_no_error (error);
  g_assert_nonnull (off);
  g_clear_pointer (&doc, tamis_doc_free);
  /* with the option off the pair is left to the character model, which
   * hears Serbian in the rest of the message */
  doc = detect (off, "Tko je uzeo moju knjigu?");
  g_assert_cmpstr (tamis_doc_get_string (doc, "lang"), ==, "sr");
}

static void
test_attributes (void)
{
  g_autoptr(TamisDoc) doc = detect (default_pipeline,
    "Le conseil municipal a voté mardi soir le budget de la ville pour l'année prochaine.");
  TamisValue v;
  g_assert_cmpstr (tamis_doc_get_string (doc, "lang"), ==, "fr");
  g_assert_true (tamis_doc_get_attr (doc, "lang_score", &v));
  g_assert_cmpint (v.type, ==, TAMIS_VALUE_DOUBLE);
  g_assert_cmpfloat (v.d, >, 0.5);
  g_assert_cmpfloat (v.d, <=, 1.0);
  g_assert_true (tamis_doc_get_attr (doc, "lang_alternatives", &v));
  g_assert_cmpint (v.type, ==, TAMIS_VALUE_JSON);
  g_assert_true (g_str_has_prefix (v.s, "[{\"lang\":\"fr\",\"score\":"));
}

static void
test_undetermined (void)
{
  const char *texts[] = { "", "   \n ", "12345 678.90 — 2025", "ok", "$ 42 €", "!!!" };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(TamisDoc) doc = detect (default_pipeline, texts[i]);
      g_assert_cmpstr (tamis_doc_get_string (doc, "lang"), ==, "und");
    }
}

static void
test_min_chars (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisPipeline) p = pipeline ("{min_chars: 40}", &error);
  g_assert_no_error (error);
  g_autoptr(TamisDoc) shorter = detect (p, "Il fait beau aujourd'hui.");
  g_assert_cmpstr (tamis_doc_get_string (shorter, "lang"), ==, "und");
  g_autoptr(TamisDoc) longer = detect (p, "Il fait beau aujourd'hui, et nous irons nous promener au bord du lac.");
  g_assert_cmpstr (tamis_doc_get_string (longer, "lang"), ==, "fr");
}

static void
test_languages_option (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisPipeline) p = pipeline ("{languages: [fr, en]}", &error);
  g_assert_no_error (error);
  /* Spanish is not a candidate: the closer of the two wins */
  g_autoptr(TamisDoc) doc = detect (p, "La economía mundial crece más despacio de lo previsto este año.");
  const char *lang = tamis_doc_get_string (doc, "lang");
  g_assert_true (g_strcmp0 (lang, "fr") == 0 || g_strcmp0 (lang, "en") == 0);
  /* nor is any language of another script */
  g_autoptr(TamisDoc) ru = detect (p, "Сегодня в Москве тёплая погода.");
  g_assert_cmpstr (tamis_doc_get_string (ru, "lang"), ==, "und");
}

static void
test_unknown_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisPipeline) p = pipeline ("{languages: [fr, xx]}", &error);
  g_assert_null (p);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "unknown language 'xx'"));
}

static void
test_wrong_model (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisPipeline) p = pipeline ("{model: /nonexistent/dir/other.model}", &error);
  g_assert_null (p);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent/dir/other.model"));
}

static void
test_not_a_model (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("TAMIS_SRCDIR"), "plugins", "langid", "README.md", NULL);
  g_autofree char *opts = g_strdup_printf ("{model: \"%s\"}", path);
  g_autoptr(TamisPipeline) p = pipeline (opts, &error);
  g_assert_null (p);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "not a usable language model"));
}

static void
test_language_spans (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisPipeline) p = pipeline ("{spans: true}", &error);
  g_assert_no_error (error);
  const char *text =
    "Le marché a réagi vivement à l'annonce du groupe mardi soir. "
    "Les analystes restent prudents sur les perspectives du secteur pour les mois à venir. "
    "\"We are going to keep investing heavily in artificial intelligence this year,\" said the chief executive. "
    "La Bourse de Paris a terminé la séance en légère hausse.\n"
    "Source link\n";
  g_autoptr(TamisDoc) doc = detect (p, text);
  g_assert_cmpstr (tamis_doc_get_string (doc, "lang"), ==, "fr");
  const TamisLayer *layer = tamis_doc_get_layer (doc, "language");
  g_assert_nonnull (layer);
  guint n;
  g_autofree TestSpan *spans = test_spans (layer, &n);
  const char *quote = strstr (text, "\"We are");
  gboolean quote_found = FALSE, trailer_found = FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *part = g_strndup (text + spans[i].start, spans[i].end - spans[i].start);
      g_test_message ("%s: %s", spans[i].label, part);
      g_assert_cmpstr (spans[i].label, !=, "fr");
      if (g_str_equal (spans[i].label, "en") && spans[i].start <= (guint) (quote - text) + 1
          && strstr (part, "chief executive"))
        quote_found = TRUE;
      if (g_str_equal (spans[i].label, "en") && g_str_equal (part, "Source link"))
        trailer_found = TRUE;
    }
  g_assert_true (quote_found);
  g_assert_true (trailer_found);
  /* nothing but English spans in this text */
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (spans[i].label, ==, "en");
}

static void
test_seed_articles (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("TAMIS_SRCDIR"), "..", "shared", "corpus", "seeds", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  if (!d)
    {
      g_test_skip ("no seed articles");
      return;
    }
  const char *name;
  guint n = 0;
  while ((name = g_dir_read_name (d)))
    {
      if (!g_str_has_suffix (name, ".txt"))
        continue;
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_autoptr(TamisDoc) doc = detect (default_pipeline, text);
      g_test_message ("%s: %s", name, tamis_doc_get_string (doc, "lang"));
      g_assert_cmpstr (tamis_doc_get_string (doc, "lang"), ==, "fr");
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}


/* ---- documents in two languages ---- */

static const char *const fr_sentences[] = {
  "Le conseil municipal a voté mardi soir le budget de la ville pour l'année prochaine.",
  "Les habitants du quartier attendent depuis longtemps la rénovation de la piscine.",
  "La bibliothèque restera ouverte le dimanche pendant tout le mois de juillet.",
  "Le maire a promis que les travaux seraient terminés avant la rentrée scolaire.",
  "Plusieurs associations ont demandé davantage de pistes cyclables dans le centre.",
  "Le marché couvert accueille chaque samedi des producteurs de toute la région.",
  "Les élèves du lycée ont présenté leur projet de jardin partagé au public.",
  "Une exposition de photographies anciennes retrace l'histoire du port.",
};

static const char *const en_sentences[] = {
  "The city council approved the budget for next year on Tuesday evening.",
  "Residents of the neighbourhood have been waiting for the pool to be renovated for years.",
  "The library will stay open on Sundays throughout the month of July.",
  "The mayor promised that the work would be finished before the start of the school year.",
  "Several groups have asked for more cycle lanes in the town centre.",
  "The covered market welcomes growers from across the region every Saturday.",
  "Students from the high school presented their shared garden project to the public.",
  "An exhibition of old photographs tells the story of the harbour.",
};

/* @n_a sentences of @a, then sentences of @b until @total bytes. */
static char *
two_languages (const char *const *a, guint n_a, const char *const *b, gsize total)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < n_a; i++)
    g_string_append_printf (s, "%s ", a[i % 8]);
  for (guint i = 0; s->len < total; i++)
    g_string_append_printf (s, "%s ", b[i % 8]);
  return g_string_free (s, FALSE);
}

static double
share_of (TamisDoc *doc, const char *lang)
{
  TamisValue v;
  if (!tamis_doc_get_attr (doc, "lang_shares", &v))
    return -1;
  g_autofree char *key = g_strdup_printf ("\"%s\":", lang);
  const char *at = strstr (v.s, key);
  return at ? g_ascii_strtod (at + strlen (key), NULL) : 0;
}

static void
check_mixed (const char *text, const char *major, const char *minor)
{
  g_autoptr(TamisDoc) doc = detect (default_pipeline, text);
  TamisValue v;
  g_assert_cmpstr (tamis_doc_get_string (doc, "lang"), ==, major);
  g_assert_true (tamis_doc_get_attr (doc, "lang_mixed", &v));
  g_assert_cmpint (v.type, ==, TAMIS_VALUE_BOOL);
  g_assert_true (v.b);
  g_assert_cmpfloat (share_of (doc, minor), >=, 0.06);
  g_assert_cmpfloat (share_of (doc, minor), <=, 0.2);
  g_assert_cmpfloat (share_of (doc, major), >=, 0.8);
  /* the score counts the other language against the label */
  g_assert_true (tamis_doc_get_attr (doc, "lang_score", &v));
  g_assert_cmpfloat (v.d, <, 0.95);
}

static void
test_mixed (void)
{
  /* a tenth first, then nine tenths, both ways */
  g_autofree char *fr_en = two_languages (fr_sentences, 2, en_sentences, 1500);
  g_autofree char *en_fr = two_languages (en_sentences, 2, fr_sentences, 1550);
  check_mixed (fr_en, "en", "fr");
  check_mixed (en_fr, "fr", "en");
  /* nine tenths first, a tenth at the end */
  g_autofree char *fr_tail = two_languages (fr_sentences, 18, en_sentences, 0);
  g_autofree char *tail = g_strconcat (fr_tail, en_sentences[0], " ", en_sentences[1], NULL);
  check_mixed (tail, "fr", "en");
  /* one language only: not mixed, no shares */
  g_autofree char *fr = two_languages (fr_sentences, 20, en_sentences, 0);
  g_autoptr(TamisDoc) doc = detect (default_pipeline, fr);
  TamisValue v;
  g_assert_cmpstr (tamis_doc_get_string (doc, "lang"), ==, "fr");
  g_assert_true (tamis_doc_get_attr (doc, "lang_mixed", &v));
  g_assert_false (v.b);
  g_assert_false (tamis_doc_get_attr (doc, "lang_shares", &v));
}

static void
test_long_document_short_head (void)
{
  /* about 570 bytes of English, then 8 MB of French: French, quickly */
  g_autofree char *head = two_languages (en_sentences, 8, fr_sentences, 0);
  g_assert_cmpuint (strlen (head), >=, 520);
  g_assert_cmpuint (strlen (head), <=, 620);
  g_autofree char *text = two_languages (en_sentences, 8, fr_sentences, 8 << 20);
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(TamisDoc) doc = detect (default_pipeline, text);
  gint64 t1 = g_get_monotonic_time ();
  g_test_message ("8 MB: %.1f ms", (t1 - t0) / 1e3);
  g_assert_cmpstr (tamis_doc_get_string (doc, "lang"), ==, "fr");
  TamisValue v;
  g_assert_true (tamis_doc_get_attr (doc, "lang_mixed", &v));
  g_assert_false (v.b);   /* the English head is far below a tenth */
}

/* ---- honest uncertainty ---- */

static void
test_noise (void)
{
  const char *texts[] = {
    "#AI @elonmusk 😂 https://t.co/abc $NVDA",
    "SGVsbG8gd29ybGQsIHRoaXMgaXMgYSB0ZXN0IG9mIGJhc2U2NCBlbmNvZGluZw==",
    "contact: press.office@example.com www.example.org/news/2024",
    "$10,000",
    "🚀🚀🚀 $TSLA #ToTheMoon 100x @trader_joe",
    "v2.4.1-rc3 build_42 0x7fffd3a8",
  };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(TamisDoc) doc = detect (default_pipeline, texts[i]);
      g_test_message ("%s: %s", texts[i], tamis_doc_get_string (doc, "lang"));
      g_assert_cmpstr (tamis_doc_get_string (doc, "lang"), ==, "und");
    }
  /* noise around a sentence does not change its language */
  g_autoptr(TamisDoc) doc = detect (default_pipeline,
    "#Paris @mairie 😂 Le conseil municipal a voté le budget de la ville https://t.co/x1 $NVDA");
  g_assert_cmpstr (tamis_doc_get_string (doc, "lang"), ==, "fr");
}

static void
test_romanized (void)
{
  static const Sample texts[] = {
    { "hi", "Main ghar ja raha hoon, tum kya kar rahe ho?" },
    { "hi", "Yaar mujhe nahi pata, kal bahut kaam hai" },
    { "ru", "Privet, kak dela? Ya segodnya ochen ustal." },
    { "ru", "Spasibo bolshoe, vsyo khorosho, do zavtra" },
    { "ar", "Ana bahibak ya habibi, inshallah nashoofak bukra." },
    { "ja", "Watashi wa nihongo ga sukoshi hanasemasu." },
    { "ja", "Arigatou gozaimasu, mata ashita ne" },
    { "el", "Kalimera, ti kaneis? Eimai poli kala." },
    { "zh", "Wo hen xihuan zhongguo cai, women mingtian qu chifan ba" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(TamisDoc) doc = detect (default_pipeline, texts[i].text);
      g_test_message ("%s: %s", texts[i].text, tamis_doc_get_string (doc, "lang"));
      g_assert_cmpstr (tamis_doc_get_string (doc, "lang"), ==, "und");
      g_assert_cmpstr (tamis_doc_get_string (doc, "lang_romanized"), ==, texts[i].lang);
    }
  /* languages of the model written in Latin letters are not transcriptions */
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(TamisDoc) doc = detect (default_pipeline, samples[i].text);
      g_assert_null (tamis_doc_get_string (doc, "lang_romanized"));
    }
}

static void
test_names (void)
{
  /* names are no evidence: a low score or und, never a confident guess */
  g_autoptr(TamisDoc) doc = detect (default_pipeline, "Barack Obama met Angela Merkel in Berlin");
  TamisValue v;
  const char *lang = tamis_doc_get_string (doc, "lang");
  g_assert_true (tamis_doc_get_attr (doc, "lang_score", &v));
  g_test_message ("%s %.3f", lang, v.d);
  g_assert_true (g_str_equal (lang, "und") || g_str_equal (lang, "en") || v.d < 0.6);
}

static void
test_prior (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisPipeline) p = pipeline ("{prior: [fr, en]}", &error);
  g_assert_no_error (error);
  /* two words of English: too little to tell among 69 languages, enough
   * when English and French are expected */
  const char *money[] = { "ten dollars", "one dollar" };
  for (guint i = 0; i < G_N_ELEMENTS (money); i++)
    {
      g_autoptr(TamisDoc) plain = detect (default_pipeline, money[i]);
      g_autoptr(TamisDoc) with = detect (p, money[i]);
      g_test_message ("%s: %s / %s", money[i], tamis_doc_get_string (plain, "lang"),
                      tamis_doc_get_string (with, "lang"));
      g_assert_cmpstr (tamis_doc_get_string (plain, "lang"), ==, "und");
      g_assert_cmpstr (tamis_doc_get_string (with, "lang"), ==, "en");
    }
  /* no letters: und whatever is expected */
  g_autoptr(TamisDoc) digits = detect (p, "$10,000");
  g_assert_cmpstr (tamis_doc_get_string (digits, "lang"), ==, "und");
  g_autoptr(TamisDoc) fr = detect (p, "Le groupe a annoncé un plan de 5 milliards d’euros.");
  g_assert_cmpstr (tamis_doc_get_string (fr, "lang"), ==, "fr");
  /* others stay possible */
  const char *other[] = { "Heute ist das Wetter schön, und wir gehen am Nachmittag spazieren.",
                          "Hoy hace muy buen tiempo y vamos a pasear por el parque con los niños.",
                          "Сегодня в Москве тёплая погода, и мы пойдём гулять в парк." };
  const char *want[] = { "de", "es", "ru" };
  for (guint i = 0; i < G_N_ELEMENTS (other); i++)
    {
      g_autoptr(TamisDoc) doc = detect (p, other[i]);
      g_assert_cmpstr (tamis_doc_get_string (doc, "lang"), ==, want[i]);
    }
  g_autoptr(TamisPipeline) bad = pipeline ("{prior: [fr, xx]}", &error);
  g_assert_null (bad);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG);
}

static void
test_news_example (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("TAMIS_SRCDIR"), "examples", "corpus", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisPipeline) p = pipeline ("{prior: [fr, en]}", &error);
  g_assert_no_error (error);
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  const char *name;
  guint n = 0;
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_autoptr(TamisDoc) doc = detect (p, text);
      char want[3] = { name[0], name[1], 0 };
      g_assert_cmpstr (tamis_doc_get_string (doc, "lang"), ==, want);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_test_init (&argc, &argv, NULL);

  default_pipeline = pipeline (NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/langid/every-language", test_every_language);
  g_test_add_func ("/langid/close-pairs", test_close_pairs);
  g_test_add_func ("/langid/pairs-table", test_pairs_table);
  g_test_add_func ("/langid/attributes", test_attributes);
  g_test_add_func ("/langid/undetermined", test_undetermined);
  g_test_add_func ("/langid/min-chars", test_min_chars);
  g_test_add_func ("/langid/languages", test_languages_option);
  g_test_add_func ("/langid/unknown-language", test_unknown_language);
  g_test_add_func ("/langid/wrong-model", test_wrong_model);
  g_test_add_func ("/langid/not-a-model", test_not_a_model);
  g_test_add_func ("/langid/spans", test_language_spans);
  g_test_add_func ("/langid/seed-articles", test_seed_articles);
  g_test_add_func ("/langid/mixed", test_mixed);
  g_test_add_func ("/langid/long-document-short-head", test_long_document_short_head);
  g_test_add_func ("/langid/noise", test_noise);
  g_test_add_func ("/langid/romanized", test_romanized);
  g_test_add_func ("/langid/names", test_names);
  g_test_add_func ("/langid/prior", test_prior);
  g_test_add_func ("/langid/news-example", test_news_example);

  int ret = g_test_run ();
  tamis_pipeline_free (default_pipeline);
  return ret;
}
