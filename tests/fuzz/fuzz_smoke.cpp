// The fuzz targets without libFuzzer, in every build (CTest fuzz/smoke): the seed corpus, the
// inputs the first fuzzing campaign found mishandled (issue 13), and a few thousand deterministic
// mutants of the seeds, each through loadOne and runOne. The same seed gives the same inputs on
// every run and machine (a fixed xorshift), so a failure reproduces.
//   fuzz_smoke DIR [MUTANTS_PER_SEED]   the *.json of DIR and their mutants
//   fuzz_smoke --replay FILE...         exactly these inputs (e.g. a libFuzzer crash-* file)
#include "FuzzTargets.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Rng {
    std::uint64_t s;
    std::uint64_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
};

// Numbers at the edges of the format's ranges and of the integer types.
const char* const kNumbers[] = {"-0",
                                "0",
                                "-1",
                                "1e999",
                                "-1e999",
                                "1.5",
                                "63",
                                "64",
                                "255",
                                "256",
                                "4294967296",
                                "1e3",
                                "1000000000000",
                                "1000000000001",
                                "9223372036854775807",
                                "18446744073709551616"};
// Bytes that change JSON structure.
const char kSyntax[] = "{}[],:\"\\ \n\t0-e.~/\0x";

std::string mutate(const std::string& seed, const std::vector<std::string>& all, Rng& rng) {
    std::string t = seed;
    const int edits = 1 + static_cast<int>(rng.below(3));
    for (int i = 0; i < edits; ++i) {
        const std::size_t at = rng.below(t.size() + 1);
        switch (rng.below(6)) {
        case 0: // flip a bit
            if (!t.empty()) t[std::min(at, t.size() - 1)] ^= static_cast<char>(1u << rng.below(8));
            break;
        case 1: // insert a structural byte
            t.insert(at, 1, kSyntax[rng.below(sizeof kSyntax - 1)]);
            break;
        case 2: // delete a short range
            t.erase(at, 1 + rng.below(16));
            break;
        case 3: { // duplicate a range
            const std::size_t len = rng.below(64);
            t.insert(at, t.substr(at, len));
            break;
        }
        case 4: { // replace a number by an edge value
            const std::size_t d = t.find_first_of("0123456789", at);
            if (d == std::string::npos) break;
            const std::size_t end = t.find_first_not_of("0123456789", d);
            t.replace(d, (end == std::string::npos ? t.size() : end) - d,
                      kNumbers[rng.below(std::size(kNumbers))]);
            break;
        }
        default: { // splice in a piece of another seed
            const std::string& other = all[rng.below(all.size())];
            const std::size_t from = rng.below(other.size());
            t.insert(at, other.substr(from, rng.below(256)));
            break;
        }
        }
    }
    return t;
}

// The inputs issue 13 reported mishandled, each as a small edit of a seed.
std::vector<std::string> findings(const std::string& seed) {
    std::vector<std::string> out;
    out.push_back(seed + std::string("\0garbage", 8));
    out.push_back(seed + "  x");
    out.push_back(std::string("{\0", 2) + seed);
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string t = seed;
        if (const auto at = t.find(from); at != std::string::npos) t.replace(at, from.size(), to);
        return t;
    };
    out.push_back(replaced("\"vector\": 3", "\"vector\": 1e999"));
    out.push_back(replaced("\"uitt_index\": 0", "\"uitt_index\": -0"));
    out.push_back(replaced("\"expect\": {", "\"expect\": { \"a/b~c\": 1, "));
    out.push_back(replaced("\"title\": \"", "\"title\": \"" + std::string(20000, 'x')));
    out.push_back(std::string(200, '[') + std::string(200, ']'));
    out.push_back("");
    return out;
}

void both(const std::string& input, std::size_t& count) {
    uintr::fuzz::loadOne(input);
    uintr::fuzz::runOne(input);
    ++count;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: fuzz_smoke DIR [MUTANTS_PER_SEED] | --replay FILE...\n");
        return 2;
    }
    std::size_t count = 0;
    if (std::string(argv[1]) == "--replay") {
        for (int i = 2; i < argc; ++i)
            both(readFile(argv[i]), count);
        std::printf("fuzz_smoke: %zu inputs replayed, no invariant broken\n", count);
        return 0;
    }
    const int perSeed = argc > 2 ? std::atoi(argv[2]) : 300;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(argv[1]))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end()); // directory order differs between file systems
    std::vector<std::string> seeds;
    for (const auto& f : files)
        seeds.push_back(readFile(f));
    if (seeds.empty()) {
        std::fprintf(stderr, "fuzz_smoke: no *.json in %s\n", argv[1]);
        return 2;
    }
    Rng rng{0x9E3779B97F4A7C15ull};
    for (const std::string& seed : seeds) {
        both(seed, count);
        for (const std::string& f : findings(seed))
            both(f, count);
        for (int i = 0; i < perSeed; ++i)
            both(mutate(seed, seeds, rng), count);
    }
    std::printf("fuzz_smoke: %zu inputs from %zu seeds, no invariant broken\n", count,
                seeds.size());
    return 0;
}
