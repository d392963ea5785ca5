/* tamis evaluate — the readable table, printed from the JSON report so
 * that both formats always say the same. */
#include "evaluate.h"

static void
print_counts (const char *name, const char *label, JsonObject *c)
{
  g_autofree char *row = g_strdup_printf ("%-8s %s", name, label ? label : "");

  g_print ("  %-24s %6" G_GINT64_FORMAT " %6" G_GINT64_FORMAT " %6" G_GINT64_FORMAT " %6" G_GINT64_FORMAT
           " %6" G_GINT64_FORMAT "  %9.3f %6.3f %6.3f\n", row,
           json_object_get_int_member (c, "gold"), json_object_get_int_member (c, "predicted"),
           json_object_get_int_member (c, "tp"), json_object_get_int_member (c, "fp"),
           json_object_get_int_member (c, "fn"), json_object_get_double_member (c, "precision"),
           json_object_get_double_member (c, "recall"), json_object_get_double_member (c, "f1"));
}

static void
print_layer (const char *name, JsonObject *layer)
{
  static const char *const modes[] = { "exact", "span", "overlap" };
  JsonObject *labels = json_object_get_object_member (layer, "labels");
  JsonObject *attrs = json_object_get_object_member (layer, "attributes");
  g_autoptr(GList) label_names = json_object_get_members (labels);
  g_autoptr(GList) attr_names = json_object_get_members (attrs);
  gboolean by_label = json_object_get_size (labels) > 1
                      || (label_names != NULL && !g_str_equal (label_names->data, "(none)"));

  g_print ("layer %-20s %6s %6s %6s %6s %6s  %9s %6s %6s\n", name,
           "gold", "pred", "TP", "FP", "FN", "precision", "recall", "F1");
  for (gsize m = 0; m < G_N_ELEMENTS (modes); m++)
    print_counts (modes[m], NULL, json_object_get_object_member (layer, modes[m]));
  if (by_label)
    for (gsize m = 0; m < G_N_ELEMENTS (modes); m++)
      for (GList *l = label_names; l != NULL && m != 1; l = l->next)
        print_counts (modes[m], l->data,
                      json_object_get_object_member (json_object_get_object_member (labels, l->data),
                                                     modes[m]));
  for (GList *a = attr_names; a != NULL; a = a->next)
    {
      JsonObject *o = json_object_get_object_member (attrs, a->data);
      gint64 compared = json_object_get_int_member (o, "compared");
      gint64 agreed = json_object_get_int_member (o, "agreed");

      if (compared > 0)
        g_print ("  attribute %s: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT
                 " exactly matched spans agree (%.1f%%)\n", (char *) a->data, agreed, compared,
                 100.0 * agreed / compared);
      else
        g_print ("  attribute %s: no exactly matched span has it in the gold\n", (char *) a->data);
    }
  g_print ("\n");
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static void
print_attribute (const char *name, JsonObject *attr)
{
  JsonObject *confusion = json_object_get_object_member (attr, "confusion");
  g_autoptr(GList) gold_classes = json_object_get_members (confusion);
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  int width = 6;

  g_print ("attribute %s: accuracy %.1f%% (%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT
           " documents), macro-F1 %.3f over %u gold classes\n", name,
           100.0 * json_object_get_double_member (attr, "accuracy"),
           json_object_get_int_member (attr, "correct"), json_object_get_int_member (attr, "documents"),
           json_object_get_double_member (attr, "macro_f1"), g_list_length (gold_classes));
  /* columns: every class predicted for some gold class, sorted */
  for (GList *g = gold_classes; g != NULL; g = g->next)
    {
      g_autoptr(GList) cells = json_object_get_members (json_object_get_object_member (confusion, g->data));

      width = MAX (width, (int) g_utf8_strlen (g->data, -1) + 1);
      for (GList *c = cells; c != NULL; c = c->next)
        if (!g_ptr_array_find_with_equal_func (columns, c->data, g_str_equal, NULL))
          g_ptr_array_add (columns, c->data);
    }
  g_ptr_array_sort (columns, compare_names);
  for (guint k = 0; k < columns->len; k++)
    width = MAX (width, (int) g_utf8_strlen (columns->pdata[k], -1) + 1);
  g_print ("  %-*s", 18, "gold \\ predicted");
  for (guint k = 0; k < columns->len; k++)
    g_print (" %*s", width, (char *) columns->pdata[k]);
  g_print ("\n");
  for (GList *g = gold_classes; g != NULL; g = g->next)
    {
      JsonObject *row = json_object_get_object_member (confusion, g->data);

      g_print ("  %-*s", 18, (char *) g->data);
      for (guint k = 0; k < columns->len; k++)
        g_print (" %*" G_GINT64_FORMAT, width,
                 json_object_get_int_member_with_default (row, columns->pdata[k], 0));
      g_print ("\n");
    }
  g_print ("\n");
}

static void
print_ids (const char *what, gint64 n, JsonArray *ids)
{
  if (n == 0)
    return;
  g_print ("%s:", what);
  for (guint i = 0; i < json_array_get_length (ids); i++)
    g_print (" %s", json_array_get_string_element (ids, i));
  if (n > json_array_get_length (ids))
    g_print (" …");
  g_print ("\n");
}

void
eval_print_table (JsonObject *report, const char *gold_name)
{
  JsonObject *docs = json_object_get_object_member (report, "documents");
  JsonObject *layers = json_object_get_object_member (report, "layers");
  JsonObject *attrs = json_object_get_object_member (report, "attributes");
  JsonArray *errors = json_object_get_array_member (report, "errors");
  g_autoptr(GList) layer_names = json_object_get_members (layers);
  g_autoptr(GList) attr_names = json_object_get_members (attrs);
  gint64 unknown = json_object_get_int_member (docs, "not_in_gold");

  g_print ("%s: %" G_GINT64_FORMAT " documents, %" G_GINT64_FORMAT " scored, %" G_GINT64_FORMAT
           " missing, %" G_GINT64_FORMAT " failed (error records)\n", gold_name,
           json_object_get_int_member (docs, "gold"), json_object_get_int_member (docs, "scored"),
           json_object_get_int_member (docs, "missing"), json_object_get_int_member (docs, "failed"));
  print_ids ("missing", json_object_get_int_member (docs, "missing"),
             json_object_get_array_member (docs, "missing_ids"));
  print_ids ("failed", json_object_get_int_member (docs, "failed"),
             json_object_get_array_member (docs, "failed_ids"));
  if (unknown > 0)
    g_print ("%" G_GINT64_FORMAT " predicted records not in the gold, ignored\n", unknown);
  g_print ("\n");

  for (GList *l = layer_names; l != NULL; l = l->next)
    print_layer (l->data, json_object_get_object_member (layers, l->data));
  for (GList *a = attr_names; a != NULL; a = a->next)
    print_attribute (a->data, json_object_get_object_member (attrs, a->data));

  if (json_array_get_length (errors) == 0)
    return;
  g_print ("errors (the first %u):\n", json_array_get_length (errors));
  for (guint i = 0; i < json_array_get_length (errors); i++)
    {
      JsonObject *e = json_array_get_object_element (errors, i);
      const char *kind = json_object_get_string_member (e, "kind");

      if (g_str_equal (kind, "attribute"))
        {
          g_print ("  %-14s %s: %s is %s, predicted %s\n", "wrong", json_object_get_string_member (e, "id"),
                   json_object_get_string_member (e, "attribute"), json_object_get_string_member (e, "gold"),
                   json_object_get_string_member (e, "predicted"));
          continue;
        }
      g_print ("  %-14s %s: %s %s [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")%s\n    %s\n",
               g_str_equal (kind, "miss") ? "miss" : "false positive",
               json_object_get_string_member (e, "id"), json_object_get_string_member (e, "layer"),
               json_object_get_string_member_with_default (e, "label", "(none)"),
               json_object_get_int_member (e, "start"), json_object_get_int_member (e, "end"),
               json_object_get_boolean_member (e, "overlap_match") ? ", found by overlap" : "",
               json_object_get_string_member (e, "context"));
    }
}
