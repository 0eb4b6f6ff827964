# One strict configuration that every PromDesk target links (the qBittorrent CommonConfig idea).
add_library(promdesk_config INTERFACE)
target_compile_features(promdesk_config INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

# Warnings chosen per compiler: what GCC and clang share, then what each adds of its own.
set(promdesk_gnu_like "$<OR:$<CXX_COMPILER_ID:GNU>,$<CXX_COMPILER_ID:Clang>,$<CXX_COMPILER_ID:AppleClang>>")
target_compile_options(promdesk_config INTERFACE
    "$<${promdesk_gnu_like}:-Wall;-Wextra;-Wpedantic;-Wshadow;-Wnon-virtual-dtor;-Wcast-align;-Wcast-qual;-Woverloaded-virtual;-Wimplicit-fallthrough;-Wformat=2;-Wundef>"
    "$<$<CXX_COMPILER_ID:GNU>:-Wduplicated-cond;-Wlogical-op;-Wstrict-null-sentinel>"
    "$<$<CXX_COMPILER_ID:Clang,AppleClang>:-Wloop-analysis;-Wunreachable-code-return>"
    "$<$<CXX_COMPILER_ID:MSVC>:/W4;/permissive-;/utf-8>")

# PROMDESK_WERROR (the ci preset turns it on): every warning is an error. Local builds stay
# forgiving while you work.
if(PROMDESK_WERROR)
    target_compile_options(promdesk_config INTERFACE
        "$<${promdesk_gnu_like}:-Werror>" "$<$<CXX_COMPILER_ID:MSVC>:/WX>")
endif()

target_compile_definitions(promdesk_config INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CAST_TO_ASCII
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    PROMDESK_VERSION="${PROJECT_VERSION}")

# PROMDESK_FUZZ: every object is instrumented for libFuzzer, with ASan and UBSan; only the fuzz
# targets link libFuzzer's main.
if(PROMDESK_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "PROMDESK_FUZZ needs clang: use the \"fuzz\" preset or CXX=clang++")
    endif()
    target_compile_options(promdesk_config INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(promdesk_config INTERFACE -fsanitize=address,undefined)
endif()

# PROMDESK_SANITIZE: "address" (ASan with UBSan; ON means this too) or "thread" (TSan). Any
# report fails the run: nothing recovers.
if(PROMDESK_SANITIZE STREQUAL "thread")
    set(PROMDESK_SANITIZER_FLAGS -fsanitize=thread -fno-omit-frame-pointer)
elseif(PROMDESK_SANITIZE)
    set(PROMDESK_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
endif()
if(PROMDESK_SANITIZER_FLAGS)
    target_compile_options(promdesk_config INTERFACE ${PROMDESK_SANITIZER_FLAGS})
    target_link_options(promdesk_config INTERFACE ${PROMDESK_SANITIZER_FLAGS})
endif()
