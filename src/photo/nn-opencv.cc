// nn-opencv.cc -- the one C++ file: runs an ONNX network with OpenCV's DNN module
// behind a C interface.  Built as the module sscard-nn.so, which src/photo/nn.c
// opens only when a photo is checked or fixed: linking OpenCV into sscard would
// cost every start of the program its load time.
#include <cstddef>
#include <algorithm>
#include <map>
#include <mutex>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/dnn.hpp>

extern "C" int sscard_nn_read(const char *);
extern "C" void sscard_nn_forget(const char *);
extern "C" int sscard_nn_run(const char *, const float *, int, int, int,
    const char *, float *, size_t);

namespace {

// Read once per process: reading and setting up a network is most of its first run.
std::mutex lock;
std::map<std::string, cv::dnn::Net> nets;

// The network in the file model, read on first use (lock held); throws as OpenCV does.
cv::dnn::Net *
net_of(const char *model)
{
	auto it = nets.find(model);
	if (it == nets.end()) {
		// Its reasons go to the caller, as a code; none to the terminal.
		cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
		cv::dnn::Net net = cv::dnn::readNetFromONNX(model);
		if (net.empty())
			return nullptr;
		it = nets.emplace(model, net).first;
	}
	return &it->second;
}

}  // namespace

/*
 * Reads the network in the ONNX file model ahead of its first run, so that
 * it can be read while the photo is still being decoded.  Returns 0, or -1
 * when it cannot be read (sscard_nn_run then says so again).
 */
extern "C" int
sscard_nn_read(const char *model)
{
	std::lock_guard<std::mutex> hold(lock);

	try {
		return net_of(model) != nullptr ? 0 : -1;
	} catch (const std::exception &) {
		return -1;
	}
}

// Drops the network read from model, with the buffers its runs set up.
extern "C" void
sscard_nn_forget(const char *model)
{
	std::lock_guard<std::mutex> hold(lock);

	nets.erase(model);
}

/*
 * Runs the network in the ONNX file model on one h x w x c input (float,
 * channels interleaved, as TensorFlow.js takes it) and copies its output
 * named output (NULL: the first), which must hold exactly out_n values, to
 * out.  Returns 0; -1 when the file is not a network OpenCV can run, -2
 * when its output has another size, -3 when running it fails (memory).
 */
extern "C" int
sscard_nn_run(const char *model, const float *in, int c, int h, int w,
    const char *output, float *out, size_t out_n)
{
	std::lock_guard<std::mutex> hold(lock);

	try {
		cv::dnn::Net *net = net_of(model);
		if (net == nullptr)
			return -1;
		int shape[4] = { 1, h, w, c };
		cv::Mat blob(4, shape, CV_32F, const_cast<float *>(in));
		net->setInput(blob);
		cv::Mat res = net->forward(output != nullptr ? output : "");
		if (res.type() != CV_32F || res.total() != out_n)
			return -2;
		const cv::Mat flat = res.isContinuous() ? res : res.clone();
		std::copy(flat.ptr<float>(), flat.ptr<float>() + out_n, out);
		return 0;
	} catch (const cv::Exception &) {
		return -1;
	} catch (const std::exception &) {
		return -3;
	}
}
