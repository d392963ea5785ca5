/* money — the per-language lexicon: every phrase the scanner knows (currency
 * names, symbols and codes, number and scale words, qualifiers, range words),
 * keyed by its folded tokens joined with blanks. Built once per stage from
 * the generated CLDR/iso-codes table, then from the hand-kept data files,
 * whose rules win. */
#include "money-private.h"
#include "money-data.h"

#include <tamis/plugin.h>
#include <math.h>
#include <string.h>

const char MONEY_DOLLAR[] = "$";
const char MONEY_UNKNOWN[] = "-";

#define MAX_PHRASE_TOKENS 12
#define KEY_SIZE 256

enum { RANK_HEAD = 1, RANK_NAME_ALT, RANK_NAME, RANK_HAND };

typedef struct {
  GHashTable *nohead;    /* per language: "fr:sol" */
  GHashTable *nosymbol;
  GHashTable *weakcode;
  GHashTable *known;     /* codes that hand rules may name */
} Filters;

static inline guint32
fnv1a (const char *key, gsize len)
{
  guint32 h = 2166136261u;
  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) key[i]) * 16777619u;
  return h;
}

/* The hash table made read-only and flat: one probe compares a hash and a
 * length before any byte, and nothing is hashed twice. */
static void
freeze (MoneyLang *lang)
{
  guint n = g_hash_table_size (lang->table), k = 0;
  guint32 size = 16;
  GHashTableIter it;
  gpointer key, value;

  while (size < n * 2)
    size *= 2;
  lang->slots = g_new0 (MoneySlot, size);
  lang->entries = g_new0 (MoneyEntry, n);
  lang->mask = size - 1;
  g_hash_table_iter_init (&it, lang->table);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      gsize len = strlen (key);
      guint32 h = fnv1a (key, len), i = h & lang->mask;
      while (lang->slots[i].entry)
        i = (i + 1) & lang->mask;
      lang->entries[k] = (MoneyEntry) { key, (guint32) len, value };
      lang->slots[i] = (MoneySlot) { h, ++k };
    }
}

const MoneyLex *
money_lang_lookup_len (const MoneyLang *lang, const char *key, gsize len)
{
  guint32 h = fnv1a (key, len), i = h & lang->mask;

  for (; lang->slots[i].entry; i = (i + 1) & lang->mask)
    if (lang->slots[i].hash == h)
      {
        const MoneyEntry *e = &lang->entries[lang->slots[i].entry - 1];
        if (e->len == len && memcmp (e->key, key, len) == 0)
          return e->lex;
      }
  return NULL;
}

static void
money_lang_free (MoneyLang *lang)
{
  g_free (lang->slots);
  g_free (lang->entries);
  g_hash_table_unref (lang->table);
  g_free (lang->name);
  g_free (lang);
}

gboolean
money_lexicon_has_lang (const char *name)
{
  for (guint i = 0; i < money_gen_n_entries; i++)
    if (money_gen_entries[i].kind == MONEY_GEN_DECIMAL && strcmp (money_gen_entries[i].lang, name) == 0)
      return TRUE;
  return FALSE;
}

/* Tokenises a phrase and makes its key; also returns the key of its first
 * token and its spelling without blanks. */
static guint
phrase_key (const char *phrase, char *key, char *first, char *exact, gboolean *glued)
{
  MoneyTok toks[MAX_PHRASE_TOKENS];
  gsize pos = 0, len = strlen (phrase);
  guint n = money_tokenize (phrase, len, &pos, toks, MAX_PHRASE_TOKENS);
  gsize k = 0, x = 0;

  if (pos < len)
    return 0;
  *glued = TRUE;
  for (guint i = 0; i < n; i++)
    {
      char buf[KEY_SIZE];
      int w = money_fold (phrase + toks[i].start, toks[i].end - toks[i].start, buf, sizeof buf);
      gsize tl = toks[i].end - toks[i].start;
      if (w < 0 || k + w + 2 >= KEY_SIZE || x + tl + 1 >= KEY_SIZE)
        return 0;
      if (i > 0)
        {
          key[k++] = ' ';
          if (toks[i].gap != MONEY_GAP_NONE)
            *glued = FALSE;
        }
      memcpy (key + k, buf, w);
      k += w;
      memcpy (exact + x, phrase + toks[i].start, tl);
      x += tl;
      if (i == 0)
        {
          memcpy (first, buf, w);
          first[w] = '\0';
        }
    }
  key[k] = '\0';
  exact[x] = '\0';
  return n;
}

/* The entry of a phrase, created if need be; the entry of its first token
 * learns how long a phrase may start with it. */
static MoneyLex *
ensure_entry (MoneyLang *lang, const char *phrase, char **exact_out)
{
  char key[KEY_SIZE], first[KEY_SIZE], exact[KEY_SIZE];
  gboolean glued;
  guint n = phrase_key (phrase, key, first, exact, &glued);
  MoneyLex *lex, *head;

  if (n == 0)
    return NULL;
  lex = g_hash_table_lookup (lang->table, key);
  if (!lex)
    {
      lex = g_new0 (MoneyLex, 1);
      g_hash_table_insert (lang->table, g_strdup (key), lex);
    }
  head = g_hash_table_lookup (lang->table, first);
  if (!head)
    {
      head = g_new0 (MoneyLex, 1);
      g_hash_table_insert (lang->table, g_strdup (first), head);
    }
  head->max_len = MAX (head->max_len, n);
  if (exact_out)
    *exact_out = g_strdup (exact);
  return lex;
}

static void
set_name (MoneyLex *lex, const char *cur, guint rank)
{
  if (rank < lex->name_rank)
    return;
  lex->roles |= MONEY_ROLE_NAME;
  lex->name_cur = cur;
  lex->name_rank = rank;
}

static gboolean
has_letter (const char *s)
{
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
key_in (GHashTable *set, const char *lang, const char *word)
{
  g_autofree char *k = g_strdup_printf ("%s:%s", lang, word);
  return g_hash_table_contains (set, k);
}

static void
add_generated (MoneyLang *lang, GHashTable *codes, const Filters *f)
{
  for (guint i = 0; i < money_gen_n_entries; i++)
    {
      const MoneyGenEntry *e = &money_gen_entries[i];
      const char *code = e->code[0] ? g_intern_string (e->code) : NULL;
      MoneyLex *lex;
      char *exact = NULL;

      if (e->lang[0] && strcmp (e->lang, lang->name) != 0)
        continue;
      switch (e->kind)
        {
        case MONEY_GEN_DECIMAL:
          lang->decimal = e->text[0];
          continue;
        case MONEY_GEN_HEAD:
          {
            g_autofree char *low = g_utf8_strdown (e->text, -1);
            if (key_in (f->nohead, lang->name, low))
              continue;
          }
          break;
        case MONEY_GEN_SYMBOL:
          /* one-letter symbols ("R", "Q") are words and initials first */
          if (key_in (f->nosymbol, "", e->text) || g_hash_table_contains (codes, e->text)
              || (has_letter (e->text) && g_utf8_strlen (e->text, -1) < 2))
            continue;
          break;
        default:
          break;
        }
      lex = ensure_entry (lang, e->text, e->kind == MONEY_GEN_SYMBOL ? &exact : NULL);
      if (!lex)
        {
          g_free (exact);
          continue;
        }
      switch (e->kind)
        {
        case MONEY_GEN_CODE:
          lex->roles |= MONEY_ROLE_CODE;
          lex->code = code;
          lex->weak_code = key_in (f->weakcode, "", e->text);
          break;
        case MONEY_GEN_NAME:
          set_name (lex, code, RANK_NAME);
          break;
        case MONEY_GEN_NAME_ALT:
          set_name (lex, code, RANK_NAME_ALT);
          break;
        case MONEY_GEN_HEAD:
          set_name (lex, code, RANK_HEAD);
          break;
        case MONEY_GEN_SYMBOL:
          if (!(lex->roles & MONEY_ROLE_SYMBOL))
            {
              lex->roles |= MONEY_ROLE_SYMBOL;
              lex->sym_cur = code;
              lex->sym_text = g_intern_string (exact);
            }
          break;
        case MONEY_GEN_REGION:
          lex->roles |= MONEY_ROLE_REGION;
          lex->region_cur = code;
          break;
        case MONEY_GEN_NUMBER:
          if (e->value >= 1000000)
            {
              lex->roles |= MONEY_ROLE_SCALE;
              lex->scale = (gint8) lround (log10 ((double) e->value));
            }
          else
            {
              lex->roles |= MONEY_ROLE_NUMBER;
              char digits[24];
              int nd = g_snprintf (digits, sizeof digits, "%lld", e->value);
              money_dec_parse (digits, nd, &lex->number);
            }
          break;
        case MONEY_GEN_SCALE:
          lex->roles |= MONEY_ROLE_SCALE;
          lex->scale = (gint8) e->value;
          break;
        default:
          break;
        }
      g_free (exact);
    }
}

typedef struct {
  char *file;
  guint line;
  char *role;
  char *phrase;
  char *arg;
  char *arg2;
  char *lang;   /* "" for common.txt */
} Rule;

static void
rule_free (Rule *r)
{
  g_free (r->file);
  g_free (r->role);
  g_free (r->phrase);
  g_free (r->arg);
  g_free (r->arg2);
  g_free (r->lang);
  g_free (r);
}

static gboolean
read_rules (const char *path, const char *lang, GPtrArray *rules, GError **error)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) local = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &local))
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "cannot read money data file: %s",
                   local->message);
      return FALSE;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) f = NULL;
      Rule *r;
      guint n;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      f = g_strsplit (lines[i], "\t", 5);
      n = g_strv_length (f);
      if (n < 2 || f[1][0] == '\0')
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA,
                       "%s:%u: expected ROLE<TAB>PHRASE[<TAB>ARGUMENT]", path, i + 1);
          return FALSE;
        }
      r = g_new0 (Rule, 1);
      r->file = g_strdup (path);
      r->line = i + 1;
      r->role = g_strdup (f[0]);
      r->phrase = g_strdup (f[1]);
      r->arg = g_strdup (n > 2 ? f[2] : "");
      r->arg2 = g_strdup (n > 3 ? f[3] : "");
      r->lang = g_strdup (lang);
      g_ptr_array_add (rules, r);
    }
  return TRUE;
}

static const char *
rule_currency (const Rule *r, const char *arg, const Filters *f, GError **error)
{
  if (strcmp (arg, "$") == 0)
    return MONEY_DOLLAR;
  if (strcmp (arg, "-") == 0)
    return MONEY_UNKNOWN;
  if (g_hash_table_contains (f->known, arg))
    return g_intern_string (arg);
  g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s:%u: unknown currency code '%s'",
               r->file, r->line, arg);
  return NULL;
}

static gboolean
rule_dec (const Rule *r, const char *arg, MoneyDec *out, GError **error)
{
  char digits[32];
  gsize n = 0;
  int decimals = -1;

  for (const char *p = arg; *p && n + 1 < sizeof digits; p++)
    {
      if (*p == '.' && decimals < 0)
        decimals = 0;
      else
        {
          digits[n++] = *p;
          if (decimals >= 0)
            decimals++;
        }
    }
  if (n == 0 || !money_dec_parse (digits, n, out))
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s:%u: '%s' is not a number",
                   r->file, r->line, arg);
      return FALSE;
    }
  *out = money_dec_shift (*out, -MAX (decimals, 0));
  return TRUE;
}

static gboolean
apply_rule (MoneyLang *lang, const Rule *r, const Filters *f, GError **error)
{
  static const struct { const char *name; MoneyRole role; } simple[] = {
    { "between", MONEY_ROLE_BETWEEN }, { "from", MONEY_ROLE_FROM },
    { "to", MONEY_ROLE_TO }, { "and", MONEY_ROLE_AND },
    { "link", MONEY_ROLE_LINK }, { "word", MONEY_ROLE_WORD },
    { "compare", MONEY_ROLE_COMPARE },
  };
  g_autofree char *exact = NULL;
  MoneyLex *lex;

  if (strcmp (r->role, "nohead") == 0 || strcmp (r->role, "nosymbol") == 0
      || strcmp (r->role, "weakcode") == 0)
    return TRUE;
  lex = ensure_entry (lang, r->phrase, &exact);
  if (!lex)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s:%u: phrase too long: '%s'",
                   r->file, r->line, r->phrase);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (simple); i++)
    if (strcmp (r->role, simple[i].name) == 0)
      {
        lex->roles |= simple[i].role;
        return TRUE;
      }
  if (strcmp (r->role, "number") == 0)
    {
      if (strcmp (r->arg, "weak") == 0)
        {
          lex->weak_number = TRUE;
          lex->number = (MoneyDec) { 1, 0 };
        }
      else if (!rule_dec (r, r->arg, &lex->number, error))
        return FALSE;
      lex->roles |= MONEY_ROLE_NUMBER;
    }
  else if (strcmp (r->role, "scale") == 0)
    {
      lex->roles |= MONEY_ROLE_SCALE;
      lex->scale = (gint8) atoi (r->arg);
    }
  else if (strcmp (r->role, "currency") == 0)
    {
      const char *cur = rule_currency (r, r->arg, f, error);
      if (!cur)
        return FALSE;
      set_name (lex, cur, RANK_HAND);
    }
  else if (strcmp (r->role, "symbol") == 0)
    {
      const char *cur = rule_currency (r, r->arg, f, error);
      if (!cur)
        return FALSE;
      lex->roles |= MONEY_ROLE_SYMBOL;
      lex->sym_cur = cur;
      lex->sym_text = g_intern_string (exact);
      lex->sym_scale = (gint8) atoi (r->arg2);
    }
  else if (strcmp (r->role, "change") == 0)
    {
      lex->roles |= MONEY_ROLE_CHANGE;
      lex->direction = strcmp (r->arg, "up") == 0 ? 1 : strcmp (r->arg, "down") == 0 ? -1 : 0;
      if (!lex->direction && strcmp (r->arg, "any") != 0)
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA,
                       "%s:%u: a change is up, down or any, not '%s'", r->file, r->line, r->arg);
          return FALSE;
        }
    }
  else if (strcmp (r->role, "subunit") == 0)
    {
      const char *cur = rule_currency (r, r->arg2, f, error);
      if (!cur)
        return FALSE;
      lex->roles |= MONEY_ROLE_SUBUNIT;
      lex->sub_power = (gint8) atoi (r->arg);
      lex->sub_cur = cur;
    }
  else if (strcmp (r->role, "qualifier") == 0)
    {
      static const char *const kinds[] = { "", "over", "under", "approx", "exact" };
      guint k;
      for (k = 1; k < G_N_ELEMENTS (kinds); k++)
        if (strcmp (r->arg, kinds[k]) == 0)
          break;
      if (k == G_N_ELEMENTS (kinds))
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA,
                       "%s:%u: unknown qualifier '%s' (over, under, approx, exact)",
                       r->file, r->line, r->arg);
          return FALSE;
        }
      lex->roles |= MONEY_ROLE_QUALIFIER;
      lex->qual = k;
    }
  else
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s:%u: unknown rule '%s'",
                   r->file, r->line, r->role);
      return FALSE;
    }
  return TRUE;
}

static void
filters_clear (Filters *f)
{
  g_clear_pointer (&f->nohead, g_hash_table_unref);
  g_clear_pointer (&f->nosymbol, g_hash_table_unref);
  g_clear_pointer (&f->weakcode, g_hash_table_unref);
  g_clear_pointer (&f->known, g_hash_table_unref);
}

/* data_files: common.txt, then one file per language of langs, in order */
MoneyLexicon *
money_lexicon_new (const char *const *langs, const char *const *data_files, GError **error)
{
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  Filters f = { 0 };
  MoneyLexicon *lexicon;

  if (!read_rules (data_files[0], "", rules, error))
    return NULL;
  for (guint i = 0; langs[i]; i++)
    if (!read_rules (data_files[i + 1], langs[i], rules, error))
      return NULL;

  f.nohead = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f.nosymbol = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f.weakcode = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f.known = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < rules->len; i++)
    {
      Rule *r = rules->pdata[i];
      GHashTable *set = strcmp (r->role, "nohead") == 0 ? f.nohead
                        : strcmp (r->role, "nosymbol") == 0 ? f.nosymbol
                        : strcmp (r->role, "weakcode") == 0 ? f.weakcode : NULL;
      if (set)
        g_hash_table_add (set, g_strdup_printf ("%s:%s", r->lang, r->phrase));
    }

  lexicon = g_new0 (MoneyLexicon, 1);
  lexicon->codes = g_hash_table_new (g_str_hash, g_str_equal);
  lexicon->langs = g_ptr_array_new_with_free_func ((GDestroyNotify) money_lang_free);
  for (guint i = 0; i < money_gen_n_entries; i++)
    {
      const MoneyGenEntry *e = &money_gen_entries[i];
      if (e->kind == MONEY_GEN_CODE)
        g_hash_table_add (lexicon->codes, (gpointer) g_intern_string (e->code));
      if (e->code[0])
        g_hash_table_add (f.known, (gpointer) g_intern_string (e->code));
    }

  for (guint l = 0; langs[l]; l++)
    {
      MoneyLang *lang = g_new0 (MoneyLang, 1);
      lang->name = g_strdup (langs[l]);
      lang->decimal = '.';
      lang->table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_ptr_array_add (lexicon->langs, lang);
      add_generated (lang, lexicon->codes, &f);
      for (guint i = 0; i < rules->len; i++)
        {
          Rule *r = rules->pdata[i];
          if (r->lang[0] && strcmp (r->lang, lang->name) != 0)
            continue;
          if (!apply_rule (lang, r, &f, error))
            {
              filters_clear (&f);
              money_lexicon_free (lexicon);
              return NULL;
            }
        }
      freeze (lang);
    }
  filters_clear (&f);
  return lexicon;
}

void
money_lexicon_free (MoneyLexicon *lexicon)
{
  if (!lexicon)
    return;
  g_ptr_array_unref (lexicon->langs);
  g_hash_table_unref (lexicon->codes);
  g_free (lexicon);
}

const MoneyLang *
money_lexicon_get_lang (const MoneyLexicon *lexicon, const char *name)
{
  for (guint i = 0; i < lexicon->langs->len; i++)
    {
      const MoneyLang *lang = lexicon->langs->pdata[i];
      if (strcmp (lang->name, name) == 0)
        return lang;
    }
  return NULL;
}

const char *
money_lexicon_code (const MoneyLexicon *lexicon, const char *code)
{
  return g_hash_table_lookup (lexicon->codes, g_intern_string (code));
}

