/* frobctl: a made-up example program for firedamp's benign captures. */
#include <stdio.h>

int main(int argc, char **argv)
{
    printf("hello from frobctl 1.4.2%s%s\n", argc > 1 ? ", " : "", argc > 1 ? argv[1] : "");
    return 0;
}
