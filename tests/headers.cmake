# Compiles each public header alone as C11 -pedantic -Werror and as C++.
foreach(h ${HEADERS})
  file(WRITE ${BIN}/hdr_test.c "#include <newsparse/${h}>\nint main(void){return 0;}\n")
  execute_process(COMMAND ${CC} -std=c11 -Wall -Wextra -pedantic -Werror
      -I${SRC}/include -I${BIN}/include -c ${BIN}/hdr_test.c -o ${BIN}/hdr_test.o
      RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "newsparse/${h} does not compile alone as C: ${err}")
  endif()
  find_program(CXX NAMES c++ g++ clang++)
  if(CXX)
    file(WRITE ${BIN}/hdr_test.cpp "#include <newsparse/${h}>\nint main(){return 0;}\n")
    execute_process(COMMAND ${CXX} -std=c++11 -Wall -Wextra -pedantic -Werror
        -I${SRC}/include -I${BIN}/include -c ${BIN}/hdr_test.cpp -o ${BIN}/hdr_test.o
        RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "newsparse/${h} does not compile as C++: ${err}")
    endif()
  endif()
endforeach()
message(STATUS "all public headers compile alone as C and C++")

# The umbrella header names no libxml2 type: only <newsparse/libxml2.h>,
# which a program includes on purpose, does.
file(WRITE ${BIN}/hdr_umbrella.c "#include <newsparse/newsparse.h>\n")
execute_process(COMMAND ${CC} -std=c11 -E -I${SRC}/include -I${BIN}/include
    ${BIN}/hdr_umbrella.c OUTPUT_VARIABLE pre RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cannot preprocess newsparse/newsparse.h")
endif()
string(REGEX MATCH "_xml[A-Za-z]*|xml[A-Z][A-Za-z]*" xml "${pre}")
if(xml)
  message(FATAL_ERROR "newsparse/newsparse.h declares libxml2's ${xml}")
endif()
message(STATUS "the umbrella header names no libxml2 type")
