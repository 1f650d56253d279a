/// The Swift source compiled into every blueprint next to it: a fixed wall clock.
///
/// The executable exports `clock_gettime`, `gettimeofday` and `time` (linked with
/// `-export-dynamic`), which take precedence over libc's, so `Date()` in a blueprint is always
/// 2000-01-01T00:00:00Z; monotonic and CPU clocks stay real. With the fixed environment the loader
/// passes, a blueprint's output depends only on its own bytes, which is what the cache is keyed by.
enum FixedClock {
    /// The file name it is compiled as.
    static let fileName = "ScaffoldFixedClock.swift"

    /// Its source.
    static let source = """
    #if canImport(Glibc)
    import Glibc
    #elseif canImport(Darwin)
    import Darwin
    #endif

    private let scaffoldFixedSeconds = 946_684_800
    private typealias ScaffoldClockGettime = @convention(c) (clockid_t, UnsafeMutablePointer<timespec>?) -> Int32
    private let scaffoldRealClockGettime: ScaffoldClockGettime = unsafeBitCast(
        dlsym(UnsafeMutableRawPointer(bitPattern: -1), "clock_gettime"), to: ScaffoldClockGettime.self)

    @_cdecl("clock_gettime")
    public func _scaffoldClockGettime(_ clock: clockid_t, _ spec: UnsafeMutablePointer<timespec>?) -> Int32 {
        if clock == CLOCK_REALTIME {
            spec?.pointee = timespec(tv_sec: scaffoldFixedSeconds, tv_nsec: 0)
            return 0
        }
        return scaffoldRealClockGettime(clock, spec)
    }

    @_cdecl("gettimeofday")
    public func _scaffoldGettimeofday(_ value: UnsafeMutablePointer<timeval>?, _ zone: UnsafeMutableRawPointer?) -> Int32 {
        value?.pointee = timeval(tv_sec: scaffoldFixedSeconds, tv_usec: 0)
        return 0
    }

    @_cdecl("time")
    public func _scaffoldTime(_ result: UnsafeMutablePointer<time_t>?) -> time_t {
        result?.pointee = time_t(scaffoldFixedSeconds)
        return time_t(scaffoldFixedSeconds)
    }

    """
}
