// Reads LANG<TAB>TEXT lines, writes CLD2's answer for each (one code a
// line) and the CPU time spent detecting, in seconds, on standard error:
// the best of N passes (argument, default 5).
// Built by bench/langid/run.sh and bench/io/run.sh, never by the normal
// build.
//
// Fairness: CLD2 allocates and frees large scoring buffers for each long
// text. With glibc's defaults each free gives the memory back to the
// system (trimming, or an mmap of its own above 128 KiB) and the next call
// faults it in again, which made CLD2 look several times slower on long
// texts than it is. The thresholds are raised at start-up so that freed
// memory is reused, as a long-running service would configure it.
#include <cstdio>   // the CLD2 header uses FILE without including it
#include <cld2/public/compact_lang_det.h>
#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

// CPU time of this thread, as the other drivers measure it.
static double
cpu_seconds ()
{
  timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (int argc, char **argv)
{
  mallopt (M_MMAP_THRESHOLD, 256 << 20);
  mallopt (M_TRIM_THRESHOLD, 512 << 20);
  std::vector<std::string> texts;
  std::string line;
  while (std::getline (std::cin, line))
    {
      auto tab = line.find ('\t');
      texts.push_back (tab == std::string::npos ? line : line.substr (tab + 1));
    }
  // the best of a few passes: the machine may be busy with other work
  int passes = argc > 1 ? std::max (1, std::atoi (argv[1])) : 5;
  std::vector<const char *> answers (texts.size ());
  double dt = 1e300;
  for (int pass = 0; pass < passes; pass++)
    {
      double t0 = cpu_seconds ();
      for (size_t i = 0; i < texts.size (); i++)
        {
          bool reliable;
          CLD2::Language lang = CLD2::DetectLanguage (texts[i].data (), (int) texts[i].size (),
                                                      true, &reliable);
          answers[i] = CLD2::LanguageCode (lang);
        }
      dt = std::min (dt, cpu_seconds () - t0);
    }
  for (const char *a : answers)
    std::printf ("%s\n", a);
  std::fprintf (stderr, "seconds %.6f\n", dt);
  return 0;
}
