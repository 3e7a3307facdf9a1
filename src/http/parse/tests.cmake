# Unit tests of the request parsers, for the test target to include:
#   include(${PROJECT_SOURCE_DIR}/src/http/parse/tests.cmake)
# They need only thidua_http_parse and GTest::gtest_main.
set(THIDUA_PARSE_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/cookie_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/form_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/multipart_test.cpp
)
