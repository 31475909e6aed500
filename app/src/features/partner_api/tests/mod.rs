mod keys_tests;
