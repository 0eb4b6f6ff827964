#include "Cli.h"
#include "StandardStreams.h"

// Every command of promdesk-cli. The light promdesk-cli runs `validate` itself and hands every
// other command line to this program, unchanged (app/promdesk-cli/main.cpp).
int main(int argc, char *argv[])
{
    return promdesk::cli::runOverStandardStreams(argc, argv, promdesk::cli::run);
}
