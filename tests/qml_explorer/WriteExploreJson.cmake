# The fixture of qml/race_explorer: `uintr-sim explore scenarios/seed-race.json --vary ID --json`
# for the entries the Quick Test drags, into OUT/ID.json (cmake -P: no shell needed).
file(MAKE_DIRECTORY ${OUT})
foreach(id switch-out send)
  execute_process(COMMAND ${SIM} explore ${SRC}/scenarios/seed-race.json --vary ${id} --json
                  OUTPUT_FILE ${OUT}/${id}.json RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "uintr-sim explore --vary ${id} exited with ${rc}")
  endif()
endforeach()
