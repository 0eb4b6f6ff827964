#pragma once

// Qt hands a queued call or a thread pool's task to another thread through code that is not
// built with ThreadSanitizer, so TSan cannot see that handing over orders what came before it
// (the task's captures) before what runs after it. Call handOffRelease() once the task is made and
// just before Qt takes it, and handOffAcquire() first thing when it runs, on the same token (a
// stable address, such as a static of the file): TSan then sees the order. Without TSan both are
// nothing.

#if defined(__SANITIZE_THREAD__)
#define PROMDESK_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define PROMDESK_TSAN 1
#endif
#endif

#ifdef PROMDESK_TSAN
extern "C" void __tsan_acquire(void *address);
extern "C" void __tsan_release(void *address);
#endif

namespace promdesk {

inline void handOffRelease([[maybe_unused]] const void *token)
{
#ifdef PROMDESK_TSAN
    __tsan_release(const_cast<void *>(token));
#endif
}

inline void handOffAcquire([[maybe_unused]] const void *token)
{
#ifdef PROMDESK_TSAN
    __tsan_acquire(const_cast<void *>(token));
#endif
}

} // namespace promdesk
