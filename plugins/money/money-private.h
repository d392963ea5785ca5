/* money — internals shared by the plugin's files: exact decimals, tokens,
 * the per-language lexicon and the mention scanner. */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* ---- exact decimals: m × 10^e, so "5,576 millions" stays 5576000000 ---- */

typedef struct {
  gint64 m;
  gint32 e;
} MoneyDec;

gboolean money_dec_parse (const char *digits, gsize len, MoneyDec *out);
gboolean money_dec_add (MoneyDec a, MoneyDec b, MoneyDec *out);
gboolean money_dec_mul (MoneyDec a, MoneyDec b, MoneyDec *out);
MoneyDec money_dec_shift (MoneyDec a, int power);
int money_dec_cmp (MoneyDec a, MoneyDec b);
double money_dec_to_double (MoneyDec a);
/* writes a plain decimal ("5576000000", "0.5") into buf; returns its length */
gsize money_dec_format (MoneyDec a, char *buf, gsize size);

/* ---- tokens ---- */

typedef enum {
  MONEY_TOK_WORD,
  MONEY_TOK_NUM,
  MONEY_TOK_SYM,    /* a currency sign or a "$" */
  MONEY_TOK_PUNCT,
} MoneyTokKind;

typedef enum {
  MONEY_GAP_NONE = 0,    /* glued to the previous token */
  MONEY_GAP_SPACE = 1,   /* blanks on one line */
  MONEY_GAP_LINE = 2,    /* one line break */
  MONEY_GAP_PARA = 3,    /* a blank line, or the start of the text */
} MoneyGap;

enum {
  MONEY_TOK_UPPER = 1 << 0,      /* letters all in capitals */
  MONEY_TOK_ONE_SPACE = 1 << 1,  /* the gap before is a single blank */
  MONEY_TOK_LOWER = 1 << 2,      /* letters all in lower case */
};

typedef struct _MoneyLex MoneyLex;

typedef struct {
  guint32 start;
  guint32 end;
  const MoneyLex *lex;   /* the lexicon entry of this token alone, or NULL */
  guint8 kind;
  guint8 gap;
  guint8 flags;
  guint8 ch;             /* for punctuation: the ASCII character, or '-' for dashes */
} MoneyTok;

/* Tokenises text[*pos..len) into at most max tokens, for the lexicon and
 * the scanner alike; returns how many and moves *pos past them. */
guint money_tokenize (const char *text, gsize len, gsize *pos, MoneyTok *toks, guint max);

/* Lower-cases and strips accents ("États" → "etats"; ’ → '); returns the
 * length written, or -1 when it does not fit in size bytes. */
int money_fold (const char *s, gsize len, char *out, gsize size);

/* ---- lexicon ---- */

typedef enum {
  MONEY_ROLE_NUMBER = 1 << 0,
  MONEY_ROLE_SCALE = 1 << 1,
  MONEY_ROLE_NAME = 1 << 2,      /* a currency name (case-insensitive) */
  MONEY_ROLE_SYMBOL = 1 << 3,    /* a currency symbol (exact case) */
  MONEY_ROLE_CODE = 1 << 4,      /* an ISO 4217 code */
  MONEY_ROLE_REGION = 1 << 5,    /* a region that may stand beside "$" */
  MONEY_ROLE_SUBUNIT = 1 << 6,
  MONEY_ROLE_QUALIFIER = 1 << 7,
  MONEY_ROLE_BETWEEN = 1 << 8,
  MONEY_ROLE_FROM = 1 << 9,
  MONEY_ROLE_TO = 1 << 10,
  MONEY_ROLE_AND = 1 << 11,
  MONEY_ROLE_LINK = 1 << 12,
  MONEY_ROLE_WORD = 1 << 13,
  MONEY_ROLE_CHANGE = 1 << 14,   /* a verb of change: "chuté", "rose" */
  MONEY_ROLE_COMPARE = 1 << 15,  /* "contre", "up from": the amount compared with */
} MoneyRole;

#define MONEY_ROLES_CURRENCY (MONEY_ROLE_NAME | MONEY_ROLE_SYMBOL | MONEY_ROLE_CODE | MONEY_ROLE_SUBUNIT)

typedef enum {
  MONEY_QUAL_NONE,
  MONEY_QUAL_OVER,
  MONEY_QUAL_UNDER,
  MONEY_QUAL_APPROX,
  MONEY_QUAL_EXACT,
} MoneyQual;

/* Currencies are interned strings: an ISO code, MONEY_DOLLAR for the
 * pipeline's dollar, or MONEY_UNKNOWN for money of no known currency. */
extern const char MONEY_DOLLAR[];
extern const char MONEY_UNKNOWN[];

struct _MoneyLex {
  guint32 roles;
  guint8 max_len;        /* tokens of the longest phrase starting with this key */
  gint8 scale;           /* SCALE: power of ten */
  gint8 sub_power;       /* SUBUNIT: power of ten of the unit */
  guint8 qual;           /* QUALIFIER: MoneyQual */
  guint8 name_rank;      /* which source set name_cur: later sources win */
  gint8 sym_scale;       /* SYMBOL after a number: power of ten it carries ("G$") */
  gint8 direction;       /* CHANGE: +1 a rise, -1 a fall, 0 either */
  gboolean weak_number;  /* "a", "un": a number only before a scale or a currency */
  gboolean weak_code;    /* CODE that is also a word */
  MoneyDec number;       /* NUMBER */
  const char *name_cur;  /* NAME */
  const char *sym_cur;   /* SYMBOL */
  const char *sym_text;  /* SYMBOL: its exact spelling without blanks */
  const char *code;      /* CODE */
  const char *region_cur;/* REGION */
  const char *sub_cur;   /* SUBUNIT */
};

typedef struct {
  guint32 hash;
  guint32 entry;         /* 1 + index in entries; 0 for an empty slot */
} MoneySlot;

typedef struct {
  const char *key;
  guint32 len;
  const MoneyLex *lex;
} MoneyEntry;

typedef struct {
  char *name;            /* "fr" */
  GHashTable *table;     /* folded phrase → MoneyLex, while building */
  MoneySlot *slots;      /* the same, frozen for lookups: open addressing */
  MoneyEntry *entries;
  guint32 mask;
  char decimal;          /* ',' or '.' */
} MoneyLang;

typedef struct {
  GPtrArray *langs;      /* MoneyLang *, in the order of the languages option */
  GHashTable *codes;     /* every ISO 4217 code, interned */
} MoneyLexicon;

/* Builds the lexicon of the given languages from the generated table and the
 * data files in datadir (common.txt, LANG.txt). */
MoneyLexicon *money_lexicon_new (const char *const *langs, const char *const *data_files,
                                 GError **error);
void money_lexicon_free (MoneyLexicon *lexicon);
const MoneyLang *money_lexicon_get_lang (const MoneyLexicon *lexicon, const char *name);
/* Whether the generated table knows this language at all. */
gboolean money_lexicon_has_lang (const char *name);
const char *money_lexicon_code (const MoneyLexicon *lexicon, const char *code);
const MoneyLex *money_lang_lookup_len (const MoneyLang *lang, const char *key, gsize len);
#define money_lang_lookup(lang, key) money_lang_lookup_len ((lang), (key), strlen (key))

/* ---- scanner ---- */

/* what an amount is in a change of value ("fell $3 to $187.50") */
typedef enum {
  MONEY_PART_NONE,
  MONEY_PART_FROM,
  MONEY_PART_TO,
  MONEY_PART_BY,
} MoneyPart;

typedef struct {
  guint32 start, end;    /* bytes, qualifier included */
  guint32 amount_start;  /* bytes, without the qualifier */
  gboolean range;
  gboolean has_value, has_min, has_max;
  MoneyDec value, min, max;
  const char *currency;  /* ISO code, MONEY_DOLLAR or MONEY_UNKNOWN */
  MoneyQual qual;
  gboolean negative;     /* "-3,2 millions", "($450m)": value is below zero */
  gboolean inferred;     /* the currency comes from an earlier amount */
  MoneyPart part;
  gboolean scaled;       /* with a scale word ("$3bn"): a bare "2.1" after it is not dollars */
} MoneyMention;

typedef void (*MoneyMentionFunc) (const MoneyMention *mention, gpointer user_data);

/* Finds the amounts of money in text with the rules of lang, or of the
 * language guessed from the text when lang is NULL; returns the language. */
const MoneyLang *money_scan (const MoneyLexicon *lexicon, const MoneyLang *lang,
                             const char *text, gsize len,
                             MoneyMentionFunc func, gpointer user_data);

/* Picks among langs the one whose frequent words the text uses most. */
const MoneyLang *money_guess_lang (const MoneyLexicon *lexicon, const char *text, gsize len);

G_END_DECLS
