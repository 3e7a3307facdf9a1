// LeakSanitizer's suppressions for the integration tests, as in the document writers' unit
// tests: fontconfig keeps the fonts and matches of a process in caches it never frees (a fixed
// amount per process, allocated inside fontconfig, however many PDFs the exports render). Only
// allocations made inside fontconfig are passed over; anything our code or GLib forgets is
// still reported.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
