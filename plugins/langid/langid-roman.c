/* langid — telling Latin-letter transcriptions of other scripts.
 *
 * The n-gram model knows each language in its own script only: Hindi typed
 * in Latin letters scores as Estonian or Swahili, confidently. A short list
 * of the commonest words of each language as people type them (chat
 * spellings) recognises such text. Words that are also common words of a
 * Latin-script language of the model ("ya", "wa", "ni", "na", "main",
 * "den") are left out, so that a list word is good evidence. */
#include "langid-roman.h"

#include <string.h>

typedef struct {
  const char *code;
  const char *const *words;
} RomanList;

static const char *const hi_words[] = {
  "hai", "hain", "nahi", "nahin", "kya", "kyun", "kyon", "hoon", "mera", "meri",
  "tum", "tumhara", "tumhari", "aap", "aapka", "raha", "rahi", "rahe", "karo", "karna",
  "gaya", "gayi", "bahut", "accha", "acha", "achha", "yaar", "bhai", "kaise", "kaisa", "kaisi",
  "mujhe", "tujhe", "kuch", "abhi", "haan", "ghar", "jaana", "humein",
  "pyaar", "pyar", "lekin", "kahan", "yahan", "wahan",
  "theek", "thik", "chalo", "dekho", "batao", "matlab", "zindagi", "rahein", NULL,
};
static const char *const ru_words[] = {
  "privet", "kak", "dela", "ochen", "segodnya", "spasibo", "poka", "khorosho", "horosho",
  "menya", "tebya", "eto", "chto", "shto", "kogda", "gde", "seichas", "sejchas", "zavtra",
  "vchera", "bolshoe", "nichego", "davai", "davay", "pozhaluista", "pozhaluysta", "ustal",
  "ustala", "rabota", "mozhno", "nado", "znayu", "lyublyu", "tozhe", "vsyo",
  "pochemu", "zdravstvuyte", "dobroe", "vecher",
  "nashi", "tvoy", "tvoya", "segodnia", NULL,
};
static const char *const ar_words[] = {
  "habibi", "habibti", "inshallah", "yalla", "yallah", "shukran",
  "enta", "anta", "inti", "enti", "ahlan", "marhaba", "wallah", "walla", "mashallah",
  "alhamdulillah", "kifak", "kifik", "keefak", "bukra", "bokra", "shu", "mish",
  "kwayes", "kwayyis", "nashoofak", "bahibak", "bahebak", "ahebak", "ahibak",
  "kheir", "khair", "ya3ni", "yaani", "ezay", "izzay",
  "kteer", "kter", "shway", "shwaya", "akhi", "ukhti", NULL,
};
static const char *const ja_words[] = {
  "watashi", "boku", "anata", "deshita", "masen", "mashita", "arigatou",
  "arigato", "gozaimasu", "konnichiwa", "konbanwa", "ohayou", "ohayo", "sayounara", "sayonara",
  "sugoi", "kawaii", "nihongo", "sukoshi", "hanasemasu", "wakarimasen", "wakarimasu",
  "daijoubu", "daijobu", "kudasai", "onegai", "totemo", "genki", "desu", "kore",
  "doko", "tabemasu", "ikimasu", "shimasu",
  "sumimasen", "hajimemashite", "yoroshiku", "ohisashiburi", "kyou", "ashita", "kinou", NULL,
};
static const char *const el_words[] = {
  "kalimera", "kalispera", "kalinixta", "kalinychta", "efharisto", "efcharisto", "parakalo",
  "yassou", "yasou", "geia", "kaneis", "kanis", "eimai", "eisai", "einai",
  "agapi", "agapo", "thelo", "ochi", "ohi", "signomi",
  "avrio", "simera", "esy", "endaxei", "entaxei",
  "ftou", "oraia", "oraios", NULL,
};
static const char *const zh_words[] = {
  "nihao", "xiexie", "zaijian", "women", "nimen",
  "zhongguo", "shenme", "zenme", "meiyou", "keyi", "xihuan", "pengyou", "laoshi", "xuesheng",
  "jintian", "mingtian", "zuotian", "yiqi", "yijing", "duibuqi", "guanxi", "zhege",
  "wode", "nide", "tamen", "zhidao", "xianzai", "haode", "henhao", "piaoliang", "gongzuo",
  "xuexi", "zhongwen", "hanyu", "chifan", "shuijiao", "mafan", "kaixin", "gaoxing",
 
  NULL,
};

static const RomanList lists[] = {
  { "hi", hi_words }, { "ru", ru_words }, { "ar", ar_words },
  { "ja", ja_words }, { "el", el_words }, { "zh", zh_words },
};

/* word -> 1 + index in lists[], built once */
static GHashTable *table;

static gpointer
build_table (gpointer data)
{
  table = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l].words[i]; i++)
      g_hash_table_insert (table, (gpointer) lists[l].words[i], GUINT_TO_POINTER (l + 1));
  return NULL;
}

const char *
langid_romanized (const char *text, gsize len)
{
  /* letters of Latin-1 and Latin Extended-A (é, ß, ł …): a language of
   * the model written in its own letters */
  for (gsize k = 0; k + 1 < len; k++)
    if ((guchar) text[k] >= 0xc3 && (guchar) text[k] <= 0xc5)
      return NULL;
  static GOnce once = G_ONCE_INIT;
  g_once (&once, build_table, NULL);
  guint hits[G_N_ELEMENTS (lists)] = { 0 };
  guint n_words = 0;
  char w[24];
  gsize i = 0;
  while (i < len)
    {
      guchar c = text[i];
      if (!g_ascii_isalnum (c))
        {
          if (c >= 0x80)
            {
              /* a word with letters beyond ASCII is not a transcription */
              while (i < len && !g_ascii_isspace (text[i]))
                i++;
              n_words++;
              continue;
            }
          i++;
          continue;
        }
      guint n = 0;
      gboolean long_word = FALSE;
      while (i < len && (g_ascii_isalnum (text[i]) || (guchar) text[i] >= 0x80))
        {
          if ((guchar) text[i] >= 0x80 || n + 1 >= sizeof w)
            long_word = TRUE;
          else
            w[n++] = g_ascii_tolower (text[i]);
          i++;
        }
      w[n] = '\0';
      n_words++;
      if (long_word || n < 2)
        continue;
      guint l = GPOINTER_TO_UINT (g_hash_table_lookup (table, w));
      if (l)
        hits[l - 1]++;
    }
  guint best = 0;
  for (guint l = 1; l < G_N_ELEMENTS (lists); l++)
    if (hits[l] > hits[best])
      best = l;
  /* two words at least, and a third of the text's words */
  if (hits[best] >= 2 && hits[best] * 3 >= n_words)
    return lists[best].code;
  return NULL;
}
