// thidua: wiring only. Everything the binary does starts at a subcommand (src/cli).
#include "cli/commands.hpp"

int main(int argc, char** argv) { return thidua::cli::run(argc, argv); }
