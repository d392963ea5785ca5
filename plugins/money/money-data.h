/* money — the table generated at build time from CLDR and iso-codes. */
#pragma once

typedef enum {
  MONEY_GEN_CODE,      /* an ISO 4217 code (iso-codes) */
  MONEY_GEN_NAME,      /* a CLDR display name, singular or plural */
  MONEY_GEN_NAME_ALT,  /* the iso-codes English name */
  MONEY_GEN_HEAD,      /* the bare noun of names, when only one current currency uses it */
  MONEY_GEN_SYMBOL,    /* a CLDR symbol naming one current currency */
  MONEY_GEN_REGION,    /* a region whose currency is written with a dollar sign */
  MONEY_GEN_NUMBER,    /* a CLDR spell-out number word */
  MONEY_GEN_SCALE,     /* a CLDR scale word or abbreviation; value is the power of ten */
  MONEY_GEN_DECIMAL,   /* the decimal separator of a language */
} MoneyGenKind;

typedef struct {
  MoneyGenKind kind;
  const char *lang;    /* "fr", "en", or "" for every language */
  const char *text;
  const char *code;    /* ISO 4217, or "" */
  long long value;
} MoneyGenEntry;

extern const MoneyGenEntry money_gen_entries[];
extern const unsigned money_gen_n_entries;
