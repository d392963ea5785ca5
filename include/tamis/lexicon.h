/* tamis — lexicons and gazetteers: lists of terms matched over text. */
#pragma once

#include <glib.h>
#include <tamis/error.h>
#include <tamis/document.h>

G_BEGIN_DECLS

/**
 * TamisLexicon:
 *
 * An immutable list of terms (company names, places, sentiment cue words…)
 * with a label, a weight and extra fields each, and an index to find them in
 * text. Reference-counted; once loaded it never changes, so any number of
 * threads may match with it at once without a lock.
 *
 * ## File format
 *
 * A lexicon file is UTF-8 text, one entry per line:
 * `term<TAB>label<TAB>weight<TAB>field…`. The label and the weight are
 * optional (no label, weight 1); the weight is a number (`0.5`, `-2`, `1e3`).
 * Blank lines and lines starting with `#` are ignored, except a first line
 * `#term<TAB>label<TAB>weight<TAB>name1<TAB>name2…` which names the extra
 * fields (distinct names, none of `start`, `end`, `label`, `score`,
 * `weight`); with such a header a line may not have more extra fields than
 * it names. A byte order mark and CR-LF line ends are accepted. Errors are
 * %TAMIS_ERROR_DATA with a message starting "file:line: ".
 *
 * ## Words and normalisation
 *
 * Terms and text are cut into the same tokens. A word is a run of letters,
 * digits and combining marks, joined by apostrophes (`'` `’` `ʼ`), hyphens
 * (`-` `‐` `‑`) and `&` when a letter or digit follows them (`Saint-Gobain`,
 * `AT&T`, `aujourd’hui` are one word each), and by `.` and `,` between
 * digits (`2,75`). Any other character that is not white space is a token of
 * its own, so `Meta, Inc.` is four tokens. The tokens of a multi-word term
 * match the same tokens in the text separated by any white space (line
 * breaks included), and only on token boundaries: `Meta` does not match in
 * `Metadata` nor in `Meta-owned`.
 *
 * Tokens are compared after folding: all apostrophes read as `'` and the
 * hyphens as `-`; with %TAMIS_LEXICON_FOLD_ACCENTS, characters are
 * decomposed canonically and their combining marks dropped (`é` → `e`,
 * `Ç` → `C`); with %TAMIS_LEXICON_FOLD_CASE, they are lower-cased (simple
 * Unicode case mapping, plus `ß` → `ss` and final `ς` → `σ`).
 *
 * At match time, given the language of the text, an elision is stripped
 * from the front of the first word of a match and the English possessive
 * `'s` from the end of its last word, when the whole word does not match:
 * `d’OpenAI` matches the term `OpenAI` with offsets covering `OpenAI` only,
 * and `Nvidia’s` matches `Nvidia`. The elisions are those of French (`l’`
 * `d’` `j’` `m’` `n’` `s’` `t’` `c’` `qu’` `jusqu’` `lorsqu’` `puisqu’`
 * `quoiqu’`), Italian (`l’` `un’` `d’` `dell’` `all’` `dall’` `nell’`
 * `sull’` `coll’` `quell’` `quest’` `c’`) and Catalan (`l’` `d’` `m’` `t’`
 * `s’` `n’`); the language "en" strips the possessive only, %NULL strips
 * all of them, and any other language none.
 */
typedef struct _TamisLexicon TamisLexicon;

/**
 * TamisLexiconFlags:
 * @TAMIS_LEXICON_EXACT: compare tokens as written (apostrophes and hyphens
 *   are still unified)
 * @TAMIS_LEXICON_FOLD_CASE: ignore case
 * @TAMIS_LEXICON_FOLD_ACCENTS: ignore accents and other combining marks
 * @TAMIS_LEXICON_FOLD_ALL: both; what most lexicons want
 *
 * How terms and text are normalised before they are compared.
 */
typedef enum {
  TAMIS_LEXICON_EXACT = 0,
  TAMIS_LEXICON_FOLD_CASE = 1 << 0,
  TAMIS_LEXICON_FOLD_ACCENTS = 1 << 1,
  TAMIS_LEXICON_FOLD_ALL = (1 << 0) | (1 << 1),
} TamisLexiconFlags;

/**
 * TamisLexiconMatchFunc:
 * @lexicon: the lexicon matched
 * @entry: the index of the matching entry (see tamis_lexicon_get_term())
 * @start: first byte of the match in the text
 * @end: byte just past the match
 * @user_data: what the caller passed
 *
 * Receives one match of tamis_lexicon_match().
 *
 * Returns: %TRUE to go on, %FALSE to stop matching
 */
typedef gboolean (*TamisLexiconMatchFunc) (const TamisLexicon *lexicon, guint entry,
                                           guint32 start, guint32 end, gpointer user_data);

/**
 * tamis_lexicon_load:
 * @path: a lexicon file (see #TamisLexicon for the format)
 * @flags: how terms and text are folded
 * @error: return location for a #GError
 *
 * Loads a lexicon file, once per process: while a lexicon of the same file
 * (by canonical path, symbolic links resolved) and @flags is alive, loading
 * it again from any thread returns a new reference to it; threads that ask
 * for it while it is being read wait for that one reading. The file is read
 * again once the last reference is gone.
 *
 * Returns: (transfer full): the lexicon, or %NULL with a %TAMIS_ERROR_DATA
 *   error "file:line: message" (or "file: message" when it cannot be read)
 */
TamisLexicon *tamis_lexicon_load (const char *path, TamisLexiconFlags flags, GError **error);

/**
 * tamis_lexicon_new_from_data:
 * @name: the name used in error messages, such as a file name
 * @data: the contents of a lexicon file
 * @length: length of @data in bytes, or -1 if nul-terminated
 * @flags: how terms and text are folded
 * @error: return location for a #GError
 *
 * Builds a lexicon from text in memory, for terms that come from somewhere
 * other than a file. It is not shared: each call builds a new lexicon.
 *
 * Returns: (transfer full): the lexicon, or %NULL with a %TAMIS_ERROR_DATA
 *   error "name:line: message"
 */
TamisLexicon *tamis_lexicon_new_from_data (const char *name, const char *data, gssize length,
                                           TamisLexiconFlags flags, GError **error);

/**
 * tamis_lexicon_ref:
 * @lexicon: a lexicon
 *
 * Returns: (transfer full): @lexicon, with one more reference
 */
TamisLexicon *tamis_lexicon_ref (TamisLexicon *lexicon);

/**
 * tamis_lexicon_unref:
 * @lexicon: (nullable): a lexicon
 *
 * Drops a reference; the last one frees the lexicon and removes it from the
 * cache of tamis_lexicon_load().
 */
void tamis_lexicon_unref (TamisLexicon *lexicon);

/** tamis_lexicon_get_path: Returns: the canonical path of the file, or the name given to tamis_lexicon_new_from_data(). */
const char *tamis_lexicon_get_path (const TamisLexicon *lexicon);

/** tamis_lexicon_get_flags: Returns: the folding flags the lexicon was built with. */
TamisLexiconFlags tamis_lexicon_get_flags (const TamisLexicon *lexicon);

/** tamis_lexicon_get_n_entries: Returns: the number of entries, one per term line of the file. */
guint tamis_lexicon_get_n_entries (const TamisLexicon *lexicon);

/**
 * tamis_lexicon_get_term:
 * @lexicon: a lexicon
 * @entry: an entry index, below tamis_lexicon_get_n_entries()
 *
 * Entries are numbered from 0 in the order of the file.
 *
 * Returns: the term as written in the file, without surrounding spaces
 */
const char *tamis_lexicon_get_term (const TamisLexicon *lexicon, guint entry);

/**
 * tamis_lexicon_get_label:
 * @lexicon: a lexicon
 * @entry: an entry index
 *
 * Returns: (nullable): the entry's label, or %NULL when it has none. Labels
 *   are interned strings (g_intern_string()): they live as long as the
 *   process and may be used as span labels.
 */
const char *tamis_lexicon_get_label (const TamisLexicon *lexicon, guint entry);

/** tamis_lexicon_get_weight: Returns: the entry's weight, 1 when the file gives none. */
double tamis_lexicon_get_weight (const TamisLexicon *lexicon, guint entry);

/** tamis_lexicon_get_line: Returns: the line of the file the entry comes from (1-based). */
guint tamis_lexicon_get_line (const TamisLexicon *lexicon, guint entry);

/** tamis_lexicon_get_n_fields: Returns: the number of extra fields on the entry's line. */
guint tamis_lexicon_get_n_fields (const TamisLexicon *lexicon, guint entry);

/**
 * tamis_lexicon_get_field:
 * @lexicon: a lexicon
 * @entry: an entry index
 * @index: an extra field index, from 0 (the fourth column of the file)
 *
 * Returns: (nullable): the field, or %NULL when the line has no such field
 *   or leaves it empty
 */
const char *tamis_lexicon_get_field (const TamisLexicon *lexicon, guint entry, guint index);

/**
 * tamis_lexicon_get_field_by_name:
 * @lexicon: a lexicon
 * @entry: an entry index
 * @name: a field name from the header line
 *
 * Returns: (nullable): the field, or %NULL when the header has no such name
 *   or the line leaves the field empty
 */
const char *tamis_lexicon_get_field_by_name (const TamisLexicon *lexicon, guint entry,
                                             const char *name);

/** tamis_lexicon_get_n_field_names: Returns: the number of extra fields the header names, 0 without a header. */
guint tamis_lexicon_get_n_field_names (const TamisLexicon *lexicon);

/**
 * tamis_lexicon_get_field_name:
 * @lexicon: a lexicon
 * @index: an extra field index, below tamis_lexicon_get_n_field_names()
 *
 * Returns: the name of the field, an interned string
 */
const char *tamis_lexicon_get_field_name (const TamisLexicon *lexicon, guint index);

/**
 * tamis_lexicon_match:
 * @lexicon: a lexicon
 * @text: UTF-8 text
 * @length: length of @text in bytes, at most %G_MAXUINT32
 * @lang: (nullable): the language of the text ("fr", "en"…, a region such
 *   as "fr-CA" is ignored), which decides the elisions stripped (see
 *   #TamisLexicon), or %NULL for all of them
 * @func: called for each match, in text order
 * @user_data: passed to @func
 *
 * Finds the terms of @lexicon in @text, left to right, the longest first,
 * without overlaps: at each token the longest term starting there wins and
 * matching resumes after it. When several entries have the same folded
 * term (`Orange` an organisation and `Orange` a place), @func is called for
 * each of them, in the order of the file, with the same offsets. Offsets
 * are in bytes and fall on token boundaries. The time taken is linear in the
 * length of @text; nothing is allocated per token.
 *
 * Returns: the number of calls made to @func
 */
guint tamis_lexicon_match (const TamisLexicon *lexicon, const char *text, gsize length,
                           const char *lang, TamisLexiconMatchFunc func, gpointer user_data);

/**
 * tamis_lexicon_annotate:
 * @lexicon: a lexicon
 * @doc: a document
 * @layer: a layer of @doc
 * @lang: (nullable): the language of the document, as for tamis_lexicon_match()
 *
 * Matches @lexicon over the text of @doc and adds one span per match to
 * @layer, labelled with the entry's label, with a double attribute `weight`
 * and a string attribute per non-empty extra field named by the header
 * (fields the header does not name are left out).
 *
 * Returns: the number of spans added
 */
guint tamis_lexicon_annotate (const TamisLexicon *lexicon, TamisDoc *doc, TamisLayer *layer,
                              const char *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamisLexicon, tamis_lexicon_unref)

G_END_DECLS
