"""The note's LoopThread, corrected: main() behind the guard and short sleeps; the main thread's last line comes after join()."""

import threading
import time


def loop():
    print(f"thread {threading.current_thread().name} is running...")
    #> thread LoopThread is running...
    n = 0
    while n < 5:
        n = n + 1
        print(f"thread {threading.current_thread().name} >>> {n}")
        #> thread LoopThread >>> 1
        #> thread LoopThread >>> 2
        #> thread LoopThread >>> 3
        #> thread LoopThread >>> 4
        #> thread LoopThread >>> 5
        time.sleep(0.02)
    print(f"thread {threading.current_thread().name} ended.")
    #> thread LoopThread ended.


def main():
    print(f"thread {threading.current_thread().name} is running...")
    #> thread MainThread is running...
    t = threading.Thread(target=loop, name="LoopThread")
    t.start()
    t.join()  # wait until loop() has returned
    print("LoopThread still alive after join():", t.is_alive())
    #> LoopThread still alive after join(): False
    print(f"thread {threading.current_thread().name} ended.")
    #> thread MainThread ended.


if __name__ == "__main__":
    main()
