/* tamis-train-entities — trains the entity model from annotated text, and
 * scores a model on annotated text.
 *
 * Annotated text comes in three forms, told by the file name:
 *   *.conll, *.iob, *.bio: a token and its tag per line (IOB1 or IOB2, the
 *     tag in the last column), a blank line between sentences, -DOCSTART-
 *     between documents;
 *   *.jsonl: {"text": …, "entities": [{"start", "end", "label"}]} per line,
 *     offsets in code points, each line a document;
 *   anything else: text with names marked inline, `[PER Mark Zuckerberg]`,
 *     a paragraph per line, a blank line between documents, `#` comments,
 *     `\[` and `\]` for brackets.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tamis/error.h>

#include "ent-tagger.h"

typedef struct {
  guint32 start, end;  /* bytes */
  guint label;
} Gold;

typedef struct {
  char *where;         /* file:line, for messages */
  GString *text;
  GArray *bounds;      /* guint32 pairs: sentences */
  GArray *gold;        /* Gold */
} Doc;

static void
doc_free (Doc *d)
{
  g_free (d->where);
  g_string_free (d->text, TRUE);
  g_array_unref (d->bounds);
  g_array_unref (d->gold);
  g_free (d);
}

static Doc *
doc_new (const char *file, guint line)
{
  Doc *d = g_new0 (Doc, 1);
  d->where = g_strdup_printf ("%s:%u", file, line);
  d->text = g_string_new (NULL);
  d->bounds = g_array_new (FALSE, FALSE, sizeof (guint32));
  d->gold = g_array_new (FALSE, FALSE, sizeof (Gold));
  return d;
}

static int
label_of (const char *s, gsize len)
{
  for (guint l = 0; l < 4; l++)
    if (strlen (ent_entity_labels[l]) == len && strncmp (ent_entity_labels[l], s, len) == 0)
      return (int) l;
  return -1;
}

/* Sentences of a paragraph without a segmenter: after . ! ? before a
 * capital. Good enough for training text. */
static void
add_sentences (Doc *d, guint32 from, guint32 to)
{
  const char *t = d->text->str;
  guint32 start = from;

  for (guint32 i = from; i < to; i++) {
    if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && i + 2 < to && t[i + 1] == ' '
        && g_unichar_isupper (g_utf8_get_char (t + i + 2))) {
      guint32 end = i + 1;
      g_array_append_val (d->bounds, start);
      g_array_append_val (d->bounds, end);
      start = i + 2;
    }
  }
  if (start < to) {
    g_array_append_val (d->bounds, start);
    g_array_append_val (d->bounds, to);
  }
}

static gboolean
read_marked (const char *path, GPtrArray *docs, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;
  if (!g_utf8_validate (data, len, NULL)) {
    g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s: not UTF-8 text", path);
    return FALSE;
  }
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  Doc *d = NULL;
  for (guint ln = 0; lines[ln] != NULL; ln++) {
    char *line = lines[ln];
    gsize ll = strlen (line);
    if (ll > 0 && line[ll - 1] == '\r')
      line[--ll] = '\0';
    if (line[0] == '#')
      continue;
    if (g_strstrip (line)[0] == '\0') {
      d = NULL;
      continue;
    }
    if (d == NULL) {
      d = doc_new (path, ln + 1);
      g_ptr_array_add (docs, d);
    } else
      g_string_append_c (d->text, '\n');
    guint32 para = d->text->len;
    int open_label = -1;
    guint32 open_at = 0;
    for (const char *p = line; *p;) {
      if (p[0] == '\\' && (p[1] == '[' || p[1] == ']')) {
        g_string_append_c (d->text, p[1]);
        p += 2;
      } else if (p[0] == '[') {
        const char *sp = strchr (p, ' ');
        int l = sp ? label_of (p + 1, sp - p - 1) : -1;
        if (l < 0 || open_label >= 0) {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA,
                       "%s:%u: '[' must open a name as [PER …], [ORG …], [LOC …] or [MISC …], not nested",
                       path, ln + 1);
          return FALSE;
        }
        open_label = l;
        open_at = d->text->len;
        p = sp + 1;
      } else if (p[0] == ']') {
        if (open_label < 0) {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s:%u: ']' closes nothing", path, ln + 1);
          return FALSE;
        }
        Gold g = { open_at, d->text->len, (guint) open_label };
        if (g.end > g.start)
          g_array_append_val (d->gold, g);
        open_label = -1;
        p++;
      } else
        g_string_append_c (d->text, *p++);
    }
    if (open_label >= 0) {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s:%u: a name is not closed", path, ln + 1);
      return FALSE;
    }
    add_sentences (d, para, d->text->len);
  }
  return TRUE;
}

static gboolean
read_conll (const char *path, GPtrArray *docs, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  Doc *d = NULL;
  guint32 sent_start = 0;
  int cur = -1;           /* label of the open name */
  guint32 cur_start = 0, last_end = 0;

#define CLOSE_NAME() G_STMT_START {                                      \
    if (cur >= 0) {                                                      \
      Gold g = { cur_start, last_end, (guint) cur };                     \
      g_array_append_val (d->gold, g);                                   \
      cur = -1;                                                          \
    } } G_STMT_END
#define END_SENTENCE() G_STMT_START {                                    \
    if (d != NULL && d->text->len > sent_start) {                        \
      CLOSE_NAME ();                                                     \
      guint32 e = d->text->len;                                          \
      g_array_append_val (d->bounds, sent_start);                        \
      g_array_append_val (d->bounds, e);                                 \
      g_string_append_c (d->text, '\n');                                 \
      sent_start = d->text->len;                                         \
    } } G_STMT_END

  for (guint ln = 0; lines[ln] != NULL; ln++) {
    g_strstrip (lines[ln]);
    if (lines[ln][0] == '\0' || g_str_has_prefix (lines[ln], "-DOCSTART-")) {
      END_SENTENCE ();
      if (lines[ln][0] != '\0')
        d = NULL;
      continue;
    }
    g_auto(GStrv) cols = g_regex_split_simple ("[ \t]+", lines[ln], 0, 0);
    guint nc = g_strv_length (cols);
    if (nc < 2) {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s:%u: expected a token and a tag", path, ln + 1);
      return FALSE;
    }
    const char *tag = cols[nc - 1];
    int l = -1;
    gboolean begin = FALSE;
    if (!g_str_equal (tag, "O")) {
      if ((tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-' || (l = label_of (tag + 2, strlen (tag + 2))) < 0) {
        g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA,
                     "%s:%u: tag '%s': expected O, B-X or I-X with X one of PER, ORG, LOC, MISC",
                     path, ln + 1, tag);
        return FALSE;
      }
      begin = tag[0] == 'B';
    }
    if (d == NULL) {
      d = doc_new (path, ln + 1);
      g_ptr_array_add (docs, d);
      sent_start = 0;
      cur = -1;
    }
    if (d->text->len > sent_start)
      g_string_append_c (d->text, ' ');
    guint32 start = d->text->len;
    g_string_append (d->text, cols[0]);
    if (l < 0 || begin || l != cur)
      CLOSE_NAME ();
    if (l >= 0 && cur < 0) {
      cur = l;
      cur_start = start;
    }
    last_end = d->text->len;
  }
  END_SENTENCE ();
#undef CLOSE_NAME
#undef END_SENTENCE
  return TRUE;
}

/* Byte offset of code point @cp in @text, or -1 past the end. */
static gssize
byte_of (const char *text, gsize len, gint64 cp)
{
  const char *p = text;
  for (gint64 i = 0; i < cp; i++) {
    if (p >= text + len)
      return -1;
    p = g_utf8_next_char (p);
  }
  return p <= text + len ? p - text : -1;
}

static gboolean
read_jsonl (const char *path, GPtrArray *docs, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  for (guint ln = 0; lines[ln] != NULL; ln++) {
    if (g_strstrip (lines[ln])[0] == '\0')
      continue;
    g_autoptr(GError) local = NULL;
    if (!json_parser_load_from_data (parser, lines[ln], -1, &local)
        || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))) {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s:%u: not a JSON object%s%s", path, ln + 1,
                   local ? ": " : "", local ? local->message : "");
      return FALSE;
    }
    JsonObject *o = json_node_get_object (json_parser_get_root (parser));
    const char *text = json_object_get_string_member_with_default (o, "text", NULL);
    if (text == NULL) {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s:%u: no \"text\"", path, ln + 1);
      return FALSE;
    }
    Doc *d = doc_new (path, ln + 1);
    g_ptr_array_add (docs, d);
    g_string_append (d->text, text);
    add_sentences (d, 0, d->text->len);
    JsonArray *ents = json_object_has_member (o, "entities")
                      ? json_object_get_array_member (o, "entities") : NULL;
    for (guint e = 0; ents != NULL && e < json_array_get_length (ents); e++) {
      JsonObject *eo = json_array_get_object_element (ents, e);
      const char *label = eo ? json_object_get_string_member_with_default (eo, "label", "") : "";
      int l = label_of (label, strlen (label));
      gssize s = eo ? byte_of (text, d->text->len, json_object_get_int_member_with_default (eo, "start", -1)) : -1;
      gssize en = eo ? byte_of (text, d->text->len, json_object_get_int_member_with_default (eo, "end", -1)) : -1;
      if (l < 0 || s < 0 || en <= s) {
        g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s:%u: entity %u: bad label or offsets",
                     path, ln + 1, e + 1);
        return FALSE;
      }
      Gold g = { (guint32) s, (guint32) en, (guint) l };
      g_array_append_val (d->gold, g);
    }
  }
  return TRUE;
}

static gboolean
read_file (const char *path, GPtrArray *docs, GError **error)
{
  if (g_str_has_suffix (path, ".jsonl"))
    return read_jsonl (path, docs, error);
  if (g_str_has_suffix (path, ".conll") || g_str_has_suffix (path, ".iob") || g_str_has_suffix (path, ".bio"))
    return read_conll (path, docs, error);
  return read_marked (path, docs, error);
}

/* Gold names as token tags; names not on token boundaries are counted. */
static guint
gold_tags (const EntAnalysis *an, const Doc *d, guint8 *tags)
{
  const EntTok *tok = (const EntTok *) an->tokens->data;
  guint n = an->tokens->len, missed = 0, t = 0;

  memset (tags, ENT_TAG_O, n);
  for (guint g = 0; g < d->gold->len; g++) {
    const Gold *gd = &g_array_index (d->gold, Gold, g);
    while (t > 0 && tok[t - 1].end > gd->start)
      t--;
    while (t < n && tok[t].start < gd->start)
      t++;
    guint first = t, k = t;
    while (k < n && tok[k].end <= gd->end)
      k++;
    if (k == first || tok[first].start != gd->start || tok[k - 1].end != gd->end) {
      missed++;
      continue;
    }
    tags[first] = ENT_TAG_BEGIN (gd->label);
    for (guint i = first + 1; i < k; i++)
      tags[i] = ENT_TAG_INSIDE (gd->label);
  }
  return missed;
}

typedef struct {
  EntAnalysis an;
  guint8 *gold;
} Prepared;

static void
train (EntTrainer *tr, Prepared *prep, GPtrArray *docs, guint epochs, double dropout, guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree guint *order = g_new (guint, docs->len + 1);
  guint32 feats[ENT_MAX_FEATURES];
  float scores[ENT_N_TAGS];

  for (guint i = 0; i < docs->len; i++)
    order[i] = i;
  for (guint epoch = 0; epoch < epochs; epoch++) {
    for (guint i = docs->len; i > 1; i--) {
      guint j = g_rand_int_range (rand, 0, i);
      guint x = order[i - 1];
      order[i - 1] = order[j];
      order[j] = x;
    }
    guint errors = 0, seen = 0;
    for (guint o = 0; o < docs->len; o++) {
      Prepared *p = &prep[order[o]];
      EntAnalysis *an = &p->an;
      const EntTok *tok = (const EntTok *) an->tokens->data;
      EntTokGaz *gaz = (EntTokGaz *) an->gaz->data;
      guint n = an->tokens->len;
      guint prev = ENT_TAG_O, prev2 = ENT_TAG_O;
      g_autofree EntTokGaz *saved = NULL;
      guint drop_from = 0, drop_to = 0;

      for (guint i = 0; i < n; i++) {
        if (tok[i].flags & ENT_TOK_SENT_START) {
          prev = prev2 = ENT_TAG_O;
          /* now and then a sentence without its name lists, so that the
           * model also learns names from their context */
          if (saved != NULL) {
            memcpy (gaz + drop_from, saved, (drop_to - drop_from) * sizeof (EntTokGaz));
            g_clear_pointer (&saved, g_free);
          }
          if (g_rand_double (rand) < dropout) {
            drop_from = i;
            drop_to = i;
            while (drop_to < n && tok[drop_to].sentence == tok[i].sentence)
              drop_to++;
            saved = g_memdup2 (gaz + drop_from, (drop_to - drop_from) * sizeof (EntTokGaz));
            for (guint k = drop_from; k < drop_to; k++)
              memset (gaz[k].pos, 0, sizeof gaz[k].pos);
          }
        }
        guint tag = ENT_TAG_O;
        if (ent_feat_is_candidate (&an->feat, i, prev)) {
          guint nf = ent_features (&an->feat, i, prev, prev2, feats);
          ent_model_scores (ent_trainer_current (tr), feats, nf, scores);
          tag = ent_model_best (scores, prev, NULL);
          ent_trainer_update (tr, feats, nf, p->gold[i], tag);
          ent_trainer_tick (tr);
          errors += tag != p->gold[i];
          seen++;
          /* go on from the right tag, as the model will have to */
          tag = p->gold[i];
        }
        prev2 = prev;
        prev = tag;
      }
      if (saved != NULL)
        memcpy (gaz + drop_from, saved, (drop_to - drop_from) * sizeof (EntTokGaz));
    }
    g_printerr ("epoch %u: %u of %u candidate tokens mistagged (%.2f %%)\n", epoch + 1, errors, seen,
                seen ? 100.0 * errors / seen : 0.0);
  }
}

static double min_score = 0.5;

typedef struct {
  guint tp[4], fp[4], fn[4];
  guint span_tp, span_fp, span_fn;
} Score;

static void
score_doc (Score *sc, const EntAnalysis *an, const Doc *d)
{
  const EntTok *tok = (const EntTok *) an->tokens->data;
  g_autofree guint8 *used = g_new0 (guint8, d->gold->len + 1);

  for (guint i = 0; i < an->mentions->len; i++) {
    const EntMention *m = &g_array_index (an->mentions, EntMention, i);
    if (m->score < min_score)
      continue;
    guint32 s = tok[m->first].start, e = tok[m->last].end;
    gboolean exact = FALSE, span = FALSE;
    for (guint g = 0; g < d->gold->len; g++) {
      const Gold *gd = &g_array_index (d->gold, Gold, g);
      if (gd->start == s && gd->end == e) {
        span = TRUE;
        exact = gd->label == m->label;
        used[g] = 1 + exact;
      }
    }
    if (exact) sc->tp[m->label]++; else sc->fp[m->label]++;
    if (span) sc->span_tp++; else sc->span_fp++;
  }
  for (guint g = 0; g < d->gold->len; g++) {
    const Gold *gd = &g_array_index (d->gold, Gold, g);
    if (used[g] != 2)
      sc->fn[gd->label]++;
    if (used[g] == 0)
      sc->span_fn++;
  }
}

static void
print_prf (const char *name, guint tp, guint fp, guint fn)
{
  double p = tp + fp ? (double) tp / (tp + fp) : 0, r = tp + fn ? (double) tp / (tp + fn) : 0;
  printf ("| %s | %u | %u | %u | %.3f | %.3f | %.3f |\n", name, tp, fp, fn, p, r,
          p + r > 0 ? 2 * p * r / (p + r) : 0);
}

static char *data_dir = NULL;
static char *output = NULL;
static char *model_path = NULL;
static char **gazetteers = NULL;
static char *languages = NULL;
static int epochs = 10;
static int bits = 16;
static double dropout = 0.25;
static gboolean eval_mode = FALSE;
static int seed = 1;

static const GOptionEntry options[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the trained model to FILE", "FILE" },
  { "eval", 0, 0, G_OPTION_ARG_NONE, &eval_mode, "Score --model on the FILEs instead of training", NULL },
  { "model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path, "The model --eval scores", "FILE" },
  { "data", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, "The plugin's data directory (name lists)", "DIR" },
  { "languages", 'l', 0, G_OPTION_ARG_STRING, &languages, "Name lists to load, comma-separated (default fr,en)", "LIST" },
  { "gazetteer", 'g', 0, G_OPTION_ARG_FILENAME_ARRAY, &gazetteers, "An extra name list (repeatable)", "FILE" },
  { "epochs", 'e', 0, G_OPTION_ARG_INT, &epochs, "Passes over the data (default 10)", "N" },
  { "bits", 'b', 0, G_OPTION_ARG_INT, &bits, "Hash table of 2^N feature rows (default 16)", "N" },
  { "min-score", 0, 0, G_OPTION_ARG_DOUBLE, &min_score, "With --eval, leave out names scored lower, as the stage's min_score does (default 0.5)", "S" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the order the documents are seen in (default 1)", "N" },
  { "dropout", 0, 0, G_OPTION_ARG_DOUBLE, &dropout, "Share of sentences trained without their name lists (default 0.25)", "P" },
  { NULL }
};

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new ("FILE… — train the entities model");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (ctx, options, NULL);
  g_option_context_set_description (ctx,
    "FILEs are annotated text: *.conll/*.iob/*.bio (token and IOB tag per line),\n"
    "*.jsonl ({\"text\", \"entities\": [{\"start\", \"end\", \"label\"}]}, code points),\n"
    "or text with names marked inline as [PER Mark Zuckerberg].");
  if (!g_option_context_parse (ctx, &argc, &argv, &error)) {
    g_printerr ("tamis-train-entities: %s\n", error->message);
    return 2;
  }
  if (argc < 2 || (!eval_mode && output == NULL) || (eval_mode && model_path == NULL)) {
    g_printerr ("tamis-train-entities: give FILEs and -o MODEL (or --eval -m MODEL)\n");
    return 2;
  }
  if (bits < 12 || bits > 24 || epochs < 1) {
    g_printerr ("tamis-train-entities: --bits must be 12 to 24 and --epochs at least 1\n");
    return 2;
  }

  /* the name lists, as the plugin loads them */
  g_autofree char *dir = data_dir ? g_strdup (data_dir) : g_build_filename (TAMIS_PKGDATADIR, "entities", NULL);
  g_auto(GStrv) langs = g_strsplit (languages ? languages : "fr,en", ",", -1);
  g_autoptr(GPtrArray) subdirs = g_ptr_array_new ();
  g_ptr_array_add (subdirs, (gpointer) "common");
  for (guint i = 0; langs[i]; i++)
    g_ptr_array_add (subdirs, langs[i]);
  for (guint i = 0; i < subdirs->len; i++) {
    g_autofree char *sub = g_build_filename (dir, subdirs->pdata[i], NULL);
    if (!ent_gaz_list_dir (sub, files, &error)) {
      g_printerr ("tamis-train-entities: %s\n", error->message);
      return 1;
    }
  }
  g_ptr_array_add (files, NULL);
  g_autoptr(EntGaz) gaz = ent_gaz_new ((const char *const *) files->pdata, (const char *const *) gazetteers, &error);
  if (gaz == NULL) {
    g_printerr ("tamis-train-entities: %s\n", error->message);
    return 1;
  }

  for (int i = 1; i < argc; i++)
    if (!read_file (argv[i], docs, &error)) {
      g_printerr ("tamis-train-entities: %s\n", error->message);
      return 1;
    }

  g_autofree Prepared *prep = g_new0 (Prepared, docs->len + 1);
  guint names = 0, missed = 0, tokens = 0;
  for (guint i = 0; i < docs->len; i++) {
    Doc *d = docs->pdata[i];
    ent_analysis_init (&prep[i].an);
    ent_analysis_prepare (&prep[i].an, gaz, d->text->str, d->text->len,
                          (const guint32 *) d->bounds->data, d->bounds->len / 2);
    prep[i].gold = g_new (guint8, prep[i].an.tokens->len + 1);
    missed += gold_tags (&prep[i].an, d, prep[i].gold);
    names += d->gold->len;
    tokens += prep[i].an.tokens->len;
  }
  g_printerr ("%u documents, %u tokens, %u names (%u not on token boundaries, left out); "
              "%u list entries, %u cues\n", docs->len, tokens, names, missed,
              ent_gaz_n_names (gaz), ent_gaz_n_cues (gaz));

  int status = 0;
  if (eval_mode) {
    g_autoptr(EntModel) model = ent_model_load (model_path, &error);
    if (model == NULL) {
      g_printerr ("tamis-train-entities: %s\n", error->message);
      status = 1;
    } else {
      Score sc = { 0 };
      for (guint i = 0; i < docs->len; i++) {
        ent_analysis_tag (&prep[i].an, gaz, model);
        ent_coref (&prep[i].an, gaz);
        score_doc (&sc, &prep[i].an, docs->pdata[i]);
      }
      guint tp = 0, fp = 0, fn = 0;
      printf ("| label | TP | FP | FN | precision | recall | F1 |\n|---|---|---|---|---|---|---|\n");
      for (guint l = 0; l < 4; l++) {
        print_prf (ent_entity_labels[l], sc.tp[l], sc.fp[l], sc.fn[l]);
        tp += sc.tp[l];
        fp += sc.fp[l];
        fn += sc.fn[l];
      }
      print_prf ("micro", tp, fp, fn);
      print_prf ("spans", sc.span_tp, sc.span_fp, sc.span_fn);
    }
  } else {
    g_autoptr(EntTrainer) tr = ent_trainer_new (bits);
    train (tr, prep, docs, epochs, dropout, (guint32) seed);
    g_autoptr(EntModel) model = ent_trainer_average (tr);
    if (!ent_model_save (model, output, &error)) {
      g_printerr ("tamis-train-entities: %s\n", error->message);
      status = 1;
    }
  }
  for (guint i = 0; i < docs->len; i++) {
    ent_analysis_clear (&prep[i].an);
    g_free (prep[i].gold);
  }
  return status;
}
