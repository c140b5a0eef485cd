/* The main of every suite executable: runs the suite named by NP_SUITE. */
#include <check.h>
#include <stdlib.h>

Suite *NP_SUITE(void);

int main(void)
{
    SRunner *sr = srunner_create(NP_SUITE());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
