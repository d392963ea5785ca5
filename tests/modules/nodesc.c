/* A shared object that is not a tamis plugin: it exports no descriptor. */
int nodesc_answer (void);

__attribute__ ((visibility ("default"))) int
nodesc_answer (void)
{
  return 42;
}
